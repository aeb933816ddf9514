from .topic_common import GovTopicCase

ADDRESS = {"street": "Dorpsstraat 1", "zip": "8011 AB", "city": "Zwolle"}


class GovChannelCase(GovTopicCase):
    """Relations that prefer a letter or an SMS, with and without the address
    or number that channel needs, next to the e-mail relations of the base."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        tagged = {"gov_party_type": "citizen", "category_id": [(6, 0, cls.tag.ids)]}
        letter = {**tagged, "preferred_channel": "letter"}
        sms = {**tagged, "preferred_channel": "sms"}
        cls.by_letter = Partner.create(
            {**letter, **ADDRESS, "name": "Brief Ok", "email": "brief@example.nl"}
        )
        cls.letter_no_email = Partner.create(
            {**letter, **ADDRESS, "name": "Brief Zonder Mail"}
        )
        cls.letter_no_address = Partner.create(
            {**letter, "name": "Brief Zonder Adres", "email": "adres@example.nl"}
        )
        cls.letter_nothing = Partner.create({**letter, "name": "Brief Niets"})
        cls.letter_deceased = Partner.create(
            {**letter, **ADDRESS, "name": "Brief Overleden", "gov_deceased": True}
        )
        cls.by_sms = Partner.create(
            {
                **sms,
                "name": "Sms Ok",
                "phone": "+31612345678",
                "email": "sms@example.nl",
            }
        )
        cls.sms_no_email = Partner.create(
            {**sms, "name": "Sms Zonder Mail", "phone": "+31612345679"}
        )
        cls.sms_no_phone = Partner.create(
            {**sms, "name": "Sms Zonder Nummer", "email": "nummer@example.nl"}
        )
        cls.sms_opted_out = Partner.create(
            {
                **sms,
                "name": "Sms Afgemeld",
                "phone": "+31612345670",
                "email": "afgemeld@example.nl",
            }
        )
        cls.env["phone.blacklist"].sudo().create({"number": "+31612345670"})
        cls.sms_do_not_contact = Partner.create(
            {**sms, "name": "Sms Nee", "phone": "+31612345671"}
        )
        cls.sms_do_not_contact.gov_do_not_contact = True
        # Tagged relations of the base case reachable by e-mail.
        cls.base_email = cls.reachable_press | cls.citizen
        cls.expected = {
            "letter": cls.by_letter | cls.letter_no_email,
            "sms": cls.by_sms | cls.sms_no_email,
            "email": cls.base_email
            | cls.letter_no_address
            | cls.sms_no_phone
            | cls.sms_opted_out,
        }
        cls.unreachable = (
            cls.letter_nothing
            | cls.letter_deceased
            | cls.sms_do_not_contact
            | cls.do_not_contact
            | cls.deceased
            | cls.blacklisted
            | cls.no_email
            | cls.archived
        )

    def _moment_channels(self, res_model, res_id):
        moments = self.Moment.search(
            [
                ("res_model", "=", res_model),
                ("res_id", "=", res_id),
                ("direction", "=", "outbound"),
            ]
        )
        return {
            channel: moments.filtered(lambda m, c=channel: m.channel == c).partner_id
            for channel in ("email", "letter", "sms")
        }

    def _sms_to(self, partners):
        return self.env["sms.sms"].sudo().search([("partner_id", "in", partners.ids)])

    def _letters(self, record):
        return self.env["ir.attachment"].search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]
        )
