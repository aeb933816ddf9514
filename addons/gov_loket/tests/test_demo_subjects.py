from odoo.tests import TransactionCase, tagged

IT_SUBJECTS = [f"helpdesk_mgmt.helpdesk_category_{number}" for number in range(1, 6)]


@tagged("post_install", "-at_install")
class TestDemoSubjects(TransactionCase):
    """Issue 16 item 13: helpdesk_mgmt's IT demo subjects (Software, Wifi,
    Laptops...) do not sit between the municipal ones."""

    def test_it_demo_subjects_are_archived(self):
        subjects = self.env["helpdesk.ticket.category"].with_context(active_test=False)
        it_subjects = subjects.browse()
        for xmlid in IT_SUBJECTS:
            it_subjects |= self.env.ref(xmlid, raise_if_not_found=False) or subjects
        if not it_subjects:
            self.skipTest("helpdesk_mgmt's demo data is not loaded")
        self.assertFalse(any(it_subjects.mapped("active")))
        front_desk = self.env["res.users"].search([("share", "=", False)], limit=1)
        offered = self.env["helpdesk.ticket.category"].with_user(front_desk).search([])
        self.assertFalse(offered & it_subjects)
