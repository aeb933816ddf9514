from odoo.tests import TransactionCase, new_test_user, tagged

from ..api import resources  # noqa: F401 - registers the resources
from ..api.dispatch import Api


@tagged("post_install", "-at_install")
class TestQueryCounts(TransactionCase):
    """A page of partijen or klantcontacten costs the same number of queries
    whatever its size: nothing is read record by record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            "ki_counter",
            groups="gov_loket.group_front_desk,gov_addressbook.group_bsn_access",
        )
        partners = cls.env["res.partner"].create(
            [
                {"name": f"Jansen {n}", "email": f"j{n}@example.org", "ref": "ki-count"}
                for n in range(25)
            ]
        )
        cls.env["gov.contact.moment"].create(
            [{"partner_id": p.id, "subject": "Vraag"} for p in partners]
        )

    def queries(self, path, size, **query):
        """Queries of a page of ``size``, after a first call has filled the
        caches a server keeps between requests (rules, groups)."""
        env = self.env(user=self.user)
        api = Api(
            env, "http://x/klantinteracties/api/v1", dict(query, pageSize=str(size))
        )
        api.handle("GET", path)
        env.invalidate_all()
        before = self.env.cr.sql_log_count
        status, page, _headers = api.handle("GET", path)
        self.assertEqual(status, 200)
        self.assertEqual(len(page["results"]), size)
        return self.env.cr.sql_log_count - before

    def test_pages_of_partijen(self):
        small = self.queries("partijen", 5)
        large = self.queries("partijen", 25)
        self.assertLessEqual(large, small + 4)

    def test_pages_of_klantcontacten(self):
        small = self.queries("klantcontacten", 5)
        large = self.queries("klantcontacten", 25)
        self.assertLessEqual(large, small + 4)
