"""maak-klantcontact: a klantcontact with its betrokkene and onderwerpobject
in one atomic call (Open Klant 2.18.0: 201, no Location header, the parts
not sent are null)."""

from .resource import Resource, register


@register
class MaakKlantcontact(Resource):
    collection = "maak-klantcontact"
    component = "MaakKlantcontact"

    def post(self, body):
        self.validate(body)
        contacten = self.other("klantcontacten")
        moment = contacten.post(body["klantcontact"], prefix="klantcontact.")
        answer = {"klantcontact": None, "betrokkene": None, "onderwerpobject": None}
        if body.get("betrokkene"):
            betrokkenen = self.other("betrokkenen")
            betrokkenen.attach(moment, body["betrokkene"], prefix="betrokkene.")
            answer["betrokkene"] = betrokkenen.serialize(moment)
        if body.get("onderwerpobject"):
            subjects = self.other("onderwerpobjecten")
            # Its klantcontact is read-only here (the new one): ignored, as Open
            # Klant ignores read-only fields, and never read unchecked (a list
            # there gave a 500).
            part = {
                k: v for k, v in body["onderwerpobject"].items() if k != "klantcontact"
            }
            vals = subjects.vals_of(part, prefix="onderwerpobject.")
            vals["moment_id"] = moment.id
            subject = subjects.model.create(vals)
            answer["onderwerpobject"] = subjects.serialize(subject)
        moment.invalidate_recordset()
        answer["klantcontact"] = contacten.serialize(moment)
        return answer
