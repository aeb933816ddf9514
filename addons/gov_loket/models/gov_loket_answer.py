from odoo import fields, models
from odoo.tools.mail import html_to_inner_content


class GovLoketAnswer(models.Model):
    """A question-and-answer pair (vraag-antwoordcombinatie) for first-time-right.

    The front desk searches them while registering a call; the answer used is
    copied onto the request and the pair is recorded on it.
    """

    _name = "gov.loket.answer"
    _description = "Question and answer"
    _order = "category_id, sequence, id"
    # Finding by keyword is the point: "parkeren" finds the parking question.
    _rec_names_search = ["name", "keywords"]

    name = fields.Char(string="Question", required=True, index="trigram")
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Subject",
        index=True,
        ondelete="set null",
        help="Subject this answer belongs to; empty means any subject.",
    )
    answer = fields.Html(required=True, sanitize_style=True)
    keywords = fields.Char(
        index="trigram",
        help="Words callers use for this question, separated by spaces or commas; "
        "searched together with the question.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    use_count = fields.Integer(
        string="Times used",
        compute="_compute_use_count",
        help="Requests on which this answer was given.",
    )

    def _compute_use_count(self):
        groups = self.env["helpdesk.ticket"]._read_group(
            [("answer_template_id", "in", self.ids)],
            ["answer_template_id"],
            ["__count"],
        )
        counts = {answer.id: count for answer, count in groups}
        for record in self:
            record.use_count = counts.get(record.id, 0)

    def _gov_answer_text(self):
        """The answer as plain text without markup, as stored on the request."""
        self.ensure_one()
        return html_to_inner_content(self.answer or "")
