from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestContactMomentSource(GovAddressbookCase):
    """Issue 11.5: a contact moment points only at a real record of a model
    that produces contact moments, which its author may read; a source the
    reader may not see is left out, not an error for the whole timeline."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = cls.Partner.create({"name": "Sanne de Boer"})
        cls.Employee = cls.Moment.with_user(cls.employee)

    def _moment(self, **vals):
        return self.Employee.create(
            {"partner_id": self.citizen.id, "subject": "Call", **vals}
        )

    def test_only_source_models_are_accepted(self):
        parameter = self.env["ir.config_parameter"].search([], limit=1)
        for model, res_id in [
            ("ir.config_parameter", parameter.id),
            ("res.users", self.employee.id),
            ("no.such.model", 1),
        ]:
            with self.assertRaisesRegex(ValidationError, "cannot come from"):
                self._moment(res_model=model, res_id=res_id)
        moment = self._moment()
        with self.assertRaisesRegex(ValidationError, "cannot come from"):
            moment.write({"res_model": "ir.config_parameter", "res_id": parameter.id})

    def test_source_must_exist(self):
        with self.assertRaises(AccessError):
            self._moment(res_model="res.partner", res_id=9_999_999)

    def test_source_must_be_readable_by_its_author(self):
        hidden = self.Partner.create({"name": "Verborgen", "active": False})
        self.env["ir.rule"].create(
            {
                "name": "test: hide one relation",
                "model_id": self.env.ref("base.model_res_partner").id,
                "domain_force": f"[('id', '!=', {hidden.id})]",
            }
        )
        with self.assertRaises(AccessError):
            self._moment(res_model="res.partner", res_id=hidden.id)

    def test_unreadable_source_does_not_break_the_timeline(self):
        other = self.Partner.create({"name": "Afzender"})
        linked = self.Moment.create(
            {
                "partner_id": self.citizen.id,
                "subject": "Mail",
                "res_model": "res.partner",
                "res_id": other.id,
            }
        )
        # An old row pointing at a record of another kind, as one written
        # before this check could.
        parameter = self.env["ir.config_parameter"].search([], limit=1)
        self.env.cr.execute(
            "UPDATE gov_contact_moment SET res_model = %s, res_id = %s WHERE id = %s",
            ("ir.config_parameter", parameter.id, linked.id),
        )
        self.env.invalidate_all()
        moments = self.citizen.with_user(self.reader).contact_moment_ids
        self.assertEqual(moments.mapped("source_display"), [False])
        self.assertFalse(moments.action_open_source())

    def test_readable_source_is_shown(self):
        moment = self._moment(res_model="res.partner", res_id=self.citizen.id)
        self.assertEqual(moment.with_user(self.reader).source_display, "Sanne de Boer")
        action = moment.with_user(self.reader).action_open_source()
        self.assertEqual(action["res_id"], self.citizen.id)

    def test_register_contact_form_still_works(self):
        form = Form(self.Employee)
        form.partner_id = self.citizen
        form.subject = "Counter visit"
        self.assertEqual(form.save().partner_id, self.citizen)
