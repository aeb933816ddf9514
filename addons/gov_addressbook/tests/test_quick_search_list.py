from odoo.tests import tagged

from .common import GovAddressbookCase

COMMON_NAME_COUNT = 1200  # more than the pickers' candidate limit (500)


@tagged("post_install", "-at_install")
class TestQuickSearchList(GovAddressbookCase):
    """The one search box as the address-book list's search, as people type."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.common = cls.Partner.with_context(tracking_disable=True).create(
            [
                {"firstname": f"Wubbo{n}", "lastname": "Kwakernaak"}
                for n in range(COMMON_NAME_COUNT)
            ]
        )
        cls.annabel = cls.Partner.create(
            {"firstname": "Annabel", "lastname": "Zoutendijk"}
        )
        cls.bert = cls.Partner.create({"firstname": "Bert", "lastname": "Zoutendijk"})
        cls.jan = cls.Partner.create(
            {"firstname": "Jan", "name_infix": "van der", "lastname": "Hoogenband"}
        )

    def _list_search(self, term):
        """The domain the list's search box sends for ``term``."""
        return [("display_name", "ilike", term)]

    def _found(self, term):
        return self.Partner.with_user(self.employee).search(self._list_search(term))

    def test_list_counts_and_pages_every_match(self):
        partners = self.Partner.with_user(self.employee)
        domain = self._list_search("Kwakernaak")
        self.assertEqual(partners.search_count(domain), COMMON_NAME_COUNT)
        seen = set()
        for offset in range(0, COMMON_NAME_COUNT, 80):
            page = partners.web_search_read(
                domain, {"display_name": {}}, offset=offset, limit=80
            )
            self.assertEqual(page["length"], COMMON_NAME_COUNT)
            seen.update(record["id"] for record in page["records"])
        self.assertEqual(seen, set(self.common.ids))

    def test_best_matches_first_in_an_unsorted_list(self):
        # Sorts before every "kwakernaak ..." but only contains the term.
        worse = self.Partner.create({"firstname": "Zeger", "lastname": "Akwakernaak"})
        partners = self.Partner.with_user(self.employee)
        domain = self._list_search("kwakernaak")
        first_page = partners.web_search_read(
            domain, {"display_name": {}}, limit=80, order="gov_sort_name ASC, id ASC"
        )
        self.assertNotIn(worse.id, [r["id"] for r in first_page["records"]])
        everything = partners.search(domain, order="gov_sort_name ASC, id ASC")
        self.assertEqual(everything[-1], worse)
        paged = []
        for offset in range(0, len(everything), 80):
            page = partners.web_search_read(
                domain,
                {"display_name": {}},
                offset=offset,
                limit=80,
                order="gov_sort_name ASC, id ASC",
            )
            paged += [record["id"] for record in page["records"]]
        self.assertEqual(paged, everything.ids)
        # A column the user sorts on wins.
        self.assertEqual(partners.search(domain, order="gov_sort_name", limit=1), worse)

    def test_words_in_any_order(self):
        self.assertEqual(self._found("Annabel Zoutendijk"), self.annabel)
        self.assertEqual(self._found("Zoutendijk Annabel"), self.annabel)
        self.assertEqual(self._found("zoutendijk, annabel"), self.annabel)

    def test_last_name_and_initial(self):
        self.assertEqual(self._found("Zoutendijk, A."), self.annabel)
        self.assertEqual(self._found("B. Zoutendijk"), self.bert)
        self.assertEqual(self._found("Zoutendijk"), self.annabel | self.bert)

    def test_infix_in_any_position(self):
        for term in (
            "van der Hoogenband",
            "Hoogenband, van der",
            "Hoogenband, J. van der",
            "Jan Hoogenband",
        ):
            with self.subTest(term=term):
                self.assertEqual(self._found(term), self.jan)

    def test_picker_keeps_its_limit_and_word_order(self):
        partners = self.Partner.with_user(self.employee)
        self.assertEqual(len(partners.name_search("Kwakernaak", limit=8)), 8)
        found = [pid for pid, _name in partners.name_search("Zoutendijk Annabel")]
        self.assertEqual(found, [self.annabel.id])
