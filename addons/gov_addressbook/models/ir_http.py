from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _match(cls, path):
        """A visitor's first page is in the organisation's language.

        Odoo would speak the browser's language (Accept-Language, or English
        without one) before the organisation's; a Dutch public body speaks
        Dutch to every visitor until they choose another language on the page
        (which http_routing keeps in the ``frontend_lang`` cookie). Signed-in
        users keep their own language.
        """
        if (
            not hasattr(request, "is_frontend")
            and not request.session.uid
            and not request.cookies.get("frontend_lang")
        ):
            request.update_context(lang=cls._get_default_lang().code)
        return super()._match(path)
