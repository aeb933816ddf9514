import logging

from odoo import models

from .res_config_settings import CERTIFICATION_PARAMETER

_logger = logging.getLogger(__name__)


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        result = super()._mark_done()
        self._gov_grant_addressbook_access()
        return result

    def _gov_grant_addressbook_access(self):
        # sudo: reading one fixed system parameter, which participants may not read.
        survey_id = int(
            self.env["ir.config_parameter"].sudo().get_param(CERTIFICATION_PARAMETER, 0)
        )
        passed = self.filtered(
            lambda answer: survey_id
            and answer.survey_id.id == survey_id
            and answer.scoring_success
            and not answer.test_entry
        )
        # Only internal users linked to the participant get access; portal or
        # anonymous participants never do.
        users = passed.partner_id.user_ids.filtered(lambda user: user._is_internal())
        reader = self.env.ref("gov_addressbook.group_reader")
        newly_certified = users.filtered(lambda user: reader not in user.all_group_ids)
        if not newly_certified:
            return
        # sudo: an employee may not change their own groups; this grants exactly one
        # fixed group, and only after the configured certification was passed.
        reader.sudo().write({"user_ids": [(4, user.id) for user in newly_certified]})
        for user in newly_certified:
            _logger.info("Address-book access granted to user %s (certified)", user.id)
            # sudo: a fixed note on the employee's own contact, as a trace of the grant.
            user.partner_id.sudo().message_post(
                body=self.env._(
                    "Passed the address-book certification: reader access granted."
                )
            )
