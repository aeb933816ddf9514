from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestRelationshipManagerIsNoKey(GovAddressbookCase):
    """Issue 11.1: the rule that opens confidential moments to the relationship
    manager must not rest on a field any user may set."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "gov_ab_manager", groups="gov_addressbook.group_manager"
        )
        cls.owner = new_test_user(
            cls.env, "gov_owner", groups="gov_addressbook.group_user"
        )
        cls.citizen = cls.Partner.create(
            {
                "name": "Fatima el Amrani",
                "email": "fatima@example.nl",
                "relationship_manager_id": cls.owner.id,
            }
        )
        cls.secret = cls.Moment.create(
            {
                "partner_id": cls.citizen.id,
                "subject": "Debt counselling",
                "confidentiality": "geheim",
                "user_id": cls.owner.id,
            }
        )

    def _visible_to(self, user):
        return self.Moment.with_user(user).search(
            [("partner_id", "=", self.citizen.id)]
        )

    def test_user_cannot_make_themselves_manager(self):
        self.assertFalse(self._visible_to(self.employee))
        with self.assertRaises(AccessError):
            self.citizen.with_user(self.employee).write(
                {"relationship_manager_id": self.employee.id}
            )
        self.assertEqual(self.citizen.relationship_manager_id, self.owner)
        self.assertFalse(self._visible_to(self.employee))

    def test_user_cannot_claim_a_relation_without_manager(self):
        orphan = self.Partner.create({"name": "Jan de Vries"})
        with self.assertRaises(AccessError):
            orphan.with_user(self.employee).write(
                {"relationship_manager_id": self.employee.id}
            )

    def test_current_manager_hands_over_and_loses_access(self):
        self.citizen.with_user(self.owner).write(
            {"relationship_manager_id": self.employee.id}
        )
        self.assertEqual(self._visible_to(self.employee), self.secret)
        # The author of the moment keeps it; a third colleague still sees nothing.
        third = new_test_user(
            self.env, "gov_third", groups="gov_addressbook.group_user"
        )
        self.assertFalse(self._visible_to(third))

    def test_address_book_manager_assigns_and_the_change_is_logged(self):
        # As after the relation's creation was committed: Odoo does not track
        # changes to a record created in the same transaction.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.citizen.with_user(self.manager).write(
            {"relationship_manager_id": self.employee.id}
        )
        self.assertEqual(self.citizen.relationship_manager_id, self.employee)
        self.env.flush_all()
        self.env.cr.precommit.run()  # mail tracking is written at commit
        tracked = self.citizen.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "relationship_manager_id"
        )
        self.assertEqual(tracked.old_value_integer, self.owner.id)
        self.assertEqual(tracked.new_value_integer, self.employee.id)

    def test_unchanged_value_and_other_fields_stay_writable(self):
        self.citizen.with_user(self.employee).write(
            {
                "relationship_manager_id": self.owner.id,
                "phone": "020 123 4567",
            }
        )
        self.assertEqual(self.citizen.phone, "020 123 4567")

    def test_creator_of_a_new_relation_may_name_its_manager(self):
        new = self.Partner.with_user(self.employee).create(
            {"name": "Nieuwe Burger", "relationship_manager_id": self.employee.id}
        )
        self.assertEqual(new.relationship_manager_id, self.employee)

    def test_merge_into_a_managed_relation_is_for_managers(self):
        """A merge moves the moments: with the e-mail made equal it would hand
        the confidential history to whoever manages the relation kept."""
        mine = self.Partner.with_user(self.employee).create(
            {
                "name": "Fatima el Amrani",
                "email": "fatima@example.nl",
                "relationship_manager_id": self.employee.id,
            }
        )
        Wizard = self.env["base.partner.merge.automatic.wizard"].with_user(
            self.employee
        )
        with self.assertRaises(AccessError):
            Wizard._merge((mine | self.citizen).ids, mine)
        self.assertEqual(self.secret.partner_id, self.citizen)
        self.assertFalse(self._visible_to(self.employee))
