import importlib.util
from pathlib import Path

from odoo.tests import new_test_user, tagged

from .common import GovNetworkCase

MIGRATION = (
    Path(__file__).resolve().parent.parent
    / "migrations"
    / "19.0.1.2.0"
    / "post-migrate.py"
)


def load_migration():
    spec = importlib.util.spec_from_file_location("gov_network_knows_scope", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestKnowsScope(GovNetworkCase):
    """Issue 16 item 5: the front desk does not silently "know" a citizen.

    Which contacts make "colleague knows contact" is a setting: by default
    organisations and their people, not citizens nor persons without an
    organisation, and not contacts registered by the excluded group.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = cls.Partner.create(
            {"name": "Jan van der Berg", "gov_party_type": "citizen"}
        )
        cls.loner = cls.person("Losse Persoon")
        cls.town = cls.organisation("Gemeente Knoopstad")
        cls.clerk = cls.Partner.create(
            {"name": "Griffier Knoopstad", "parent_id": cls.town.id}
        )
        cls.journalist = cls.Partner.create(
            {"name": "Freelance Journalist", "gov_party_type": "press"}
        )
        cls.params = cls.env["ir.config_parameter"]
        cls.Settings = cls.env["res.config.settings"]
        # no front-desk group from the Loket in these tests unless asked for
        cls.params.set_param(cls.Settings.KNOWS_EXCLUDED_GROUP_PARAM, "0")

    def register(self, partners, user=None):
        self.Moment.with_user(user or self.employee).create(
            [
                {"partner_id": partner.id, "subject": "Vraag", "channel": "phone"}
                for partner in partners
            ]
        )
        self.env["gov.network.knows.queue"]._cron_process()

    def known_by(self, user):
        relations = self.Relation.search(
            [
                ("type_id", "=", self.type_knows.id),
                ("left_partner_id", "=", user.partner_id.id),
            ]
        )
        return relations.right_partner_id

    def test_default_knows_organisations_and_their_people_only(self):
        self.register(
            [self.citizen, self.loner, self.town, self.clerk, self.journalist]
        )
        self.assertEqual(
            self.known_by(self.employee), self.town | self.clerk | self.journalist
        )

    def test_every_relation_when_chosen(self):
        self.params.set_param(self.Settings.KNOWS_SCOPE_PARAM, "all")
        self.register([self.citizen, self.loner])
        self.assertEqual(self.known_by(self.employee), self.citizen | self.loner)

    def test_nobody_when_chosen(self):
        self.params.set_param(self.Settings.KNOWS_SCOPE_PARAM, "none")
        self.register([self.town, self.clerk])
        self.assertFalse(self.known_by(self.employee))

    def test_excluded_group_makes_no_knows(self):
        front_desk = self.env["res.groups"].create({"name": "KCC (test)"})
        clerk_user = new_test_user(
            self.env, "net_kcc", groups="gov_addressbook.group_user", tz="UTC"
        )
        clerk_user.group_ids |= front_desk
        self.params.set_param(
            self.Settings.KNOWS_EXCLUDED_GROUP_PARAM, str(front_desk.id)
        )
        self.register([self.town], user=clerk_user)
        self.register([self.town])
        self.assertFalse(self.known_by(clerk_user))
        self.assertEqual(self.known_by(self.employee), self.town)

    def test_loket_front_desk_is_excluded_by_default(self):
        # With the Loket: its front desk; without it (gov_network alone): nobody.
        front_desk = (
            self.env.ref("gov_loket.group_front_desk", raise_if_not_found=False)
            or self.env["res.groups"]
        )
        self.params.search(
            [("key", "=", self.Settings.KNOWS_EXCLUDED_GROUP_PARAM)]
        ).unlink()
        self.assertEqual(self.Settings._gov_knows_excluded_group(), front_desk)
        self.assertEqual(
            self.Settings.create({}).gov_knows_excluded_group_id, front_desk
        )

    def test_settings_are_saved(self):
        group = self.env["res.groups"].create({"name": "Balie (test)"})
        self.Settings.create(
            {"gov_knows_scope": "all", "gov_knows_excluded_group_id": group.id}
        ).execute()
        self.assertEqual(self.params.get_param(self.Settings.KNOWS_SCOPE_PARAM), "all")
        self.assertEqual(self.Settings._gov_knows_excluded_group(), group)
        self.Settings.create(
            {"gov_knows_scope": "organisations", "gov_knows_excluded_group_id": False}
        ).execute()
        self.assertFalse(self.Settings._gov_knows_excluded_group())

    def test_upgrade_removes_automatic_knows_with_citizens_only(self):
        me = self.employee.partner_id
        colleague = self.colleague.partner_id

        def knows(right, source, left=me):
            return self.relate(left, self.type_knows, right, source=source)

        automatic = knows(self.citizen, "Contact moments")
        automatic_nl = knows(self.loner, "Contactmomenten")
        by_hand = knows(self.citizen, "Buurtavond", left=colleague)
        unsourced = knows(self.loner, False, left=colleague)
        organisation = knows(self.town, "Contact moments")
        their_person = knows(self.clerk, "Contactmomenten")
        removed = load_migration().remove_automatic_citizen_knows(self.env)
        self.assertEqual(removed, 2)
        self.assertFalse((automatic | automatic_nl).exists())
        self.assertEqual(
            (by_hand | unsourced | organisation | their_person).exists(),
            by_hand | unsourced | organisation | their_person,
        )
