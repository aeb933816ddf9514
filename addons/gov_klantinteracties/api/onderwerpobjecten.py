"""onderwerpobjecten: what a contact moment was about (gov.contact.moment.subject)."""

from . import ids
from .errors import invalid
from .resource import Resource, register, url_filter, uuid_filter

COLUMNS = {
    "objectId": "object_id",
    "codeObjecttype": "object_type",
    "codeRegister": "register",
    "codeSoortObjectId": "id_kind",
}


@register
class Onderwerpobjecten(Resource):
    collection = "onderwerpobjecten"
    component = "Onderwerpobject"
    kinds = ("onderwerpobject",)

    @property
    def model(self):
        return self.env["gov.contact.moment.subject"]

    def find(self, kind, record_id):
        return self.model.search([("id", "=", record_id)]) or None

    def search(self, query, offset, limit):
        domain = []
        for name, value in query.items():
            if name in (
                "klantcontact__uuid",
                "klantcontact__url",
                "wasKlantcontact__uuid",
                "wasKlantcontact__url",
            ):
                link, key = name.split("__")
                check = uuid_filter if key == "uuid" else url_filter
                field = "moment_id" if link == "klantcontact" else "was_moment_id"
                domain.append((field, "=", check(value, name, "klantcontact")))
            else:
                part = name.replace("onderwerpobjectidentificator", "")
                column = COLUMNS.get(part[:1].lower() + part[1:])
                domain.append((column, "=", value) if column else ("id", "=", 0))
        count = self.model.search_count(domain)
        return count, self.model.search(domain, offset=offset, limit=limit, order="id")

    def serialize(self, subject):
        uuid_ = ids.make_uuid("onderwerpobject", subject.id)
        identificator = None
        if (
            subject.object_id
            or subject.object_type
            or subject.register
            or subject.id_kind
        ):
            identificator = {
                key: subject[column] or "" for key, column in COLUMNS.items()
            }
        return {
            "uuid": uuid_,
            "url": self.url(uuid_),
            "klantcontact": (
                self.ref_in(
                    "klantcontacten",
                    ids.make_uuid("klantcontact", subject.moment_id.id),
                )
                if subject.moment_id
                else None
            ),
            "wasKlantcontact": (
                self.ref_in(
                    "klantcontacten",
                    ids.make_uuid("klantcontact", subject.was_moment_id.id),
                )
                if subject.was_moment_id
                else None
            ),
            "onderwerpobjectidentificator": identificator,
        }

    def moment_of(self, ref, name):
        if not ref:
            return False
        parsed = ids.parse_kind(ref.get("uuid"), "klantcontact")
        moment = self.other("klantcontacten").find(*parsed) if parsed else None
        if moment is None:
            raise invalid(
                name, "does_not_exist", "Ongeldige uuid - object bestaat niet."
            )
        return moment.id

    def vals_of(self, body, prefix=""):
        vals = {}
        if "klantcontact" in body:
            vals["moment_id"] = self.moment_of(
                body["klantcontact"], f"{prefix}klantcontact"
            )
        if "wasKlantcontact" in body:
            vals["was_moment_id"] = self.moment_of(
                body["wasKlantcontact"], f"{prefix}wasKlantcontact"
            )
        if "onderwerpobjectidentificator" in body:
            given = body["onderwerpobjectidentificator"] or {}
            for key, column in COLUMNS.items():
                vals[column] = given.get(key) or False
        return vals

    def post(self, body):
        return self.model.create(self.vals_of(body))

    def put(self, subject, body, partial):
        subject.write(self.vals_of(body))
        return subject

    def remove(self, subject):
        subject.unlink()
