"""Search the whole database and the filestore for personal values.

Used by the erasure proofs of every addon: after an anonymisation, no text
column of any table and no file may still hold a value of the person, except
in the ``(table, column)`` pairs the registry keeps on purpose.
"""

import io
import json
import os
import secrets
import zipfile

from stdnum.nl import bsn

from odoo.tools import SQL

TEXT_TYPES = ("character varying", "text", "jsonb", "json", "character")


def _like(value):
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def scan_database(env, values, allowed=()):
    """``{(table, column): [values found]}`` for every text column of every
    table in the public schema holding one of ``values`` (case-insensitive),
    leaving out the ``allowed`` ``(table, column)`` pairs."""
    env.flush_all()
    cr = env.cr
    cr.execute(
        SQL(
            """SELECT c.table_name, c.column_name
                 FROM information_schema.columns c
                 JOIN information_schema.tables t
                   ON t.table_schema = c.table_schema
                  AND t.table_name = c.table_name
                WHERE c.table_schema = 'public'
                  AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN %s
             ORDER BY c.table_name, c.column_name""",
            TEXT_TYPES,
        )
    )
    columns = cr.fetchall()
    patterns = [_like(value) for value in values]
    hits = {}
    for table, column in columns:
        if (table, column) in allowed:
            continue
        found = []
        for value, pattern in zip(values, patterns, strict=True):
            cr.execute(
                SQL(
                    "SELECT 1 FROM %s WHERE %s::text ILIKE %s LIMIT 1",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    pattern,
                )
            )
            if cr.fetchone():
                found.append(value)
        if found:
            hits[(table, column)] = found
    return hits


def scan_filestore(env, values):
    """``{path: [values found]}`` for every file of this database's filestore
    holding one of ``values`` (case-insensitive, as UTF-8)."""
    root = env["ir.attachment"]._filestore()
    needles = [(value, value.lower().encode()) for value in values]
    hits = {}
    for dirpath, _dirs, filenames in os.walk(root):
        for filename in filenames:
            path = os.path.join(dirpath, filename)
            try:
                with open(path, "rb") as handle:
                    content = handle.read().lower()
            except OSError:
                continue
            found = [value for value, needle in needles if needle in content]
            if found:
                hits[os.path.relpath(path, root)] = found
    return hits


def kept_columns(env, partners):
    """The ``(table, column)`` pairs the registry keeps on purpose."""
    allowed = set()
    for place in partners._gov_privacy_places():
        allowed.update(place.get("keep_columns", ()))
    return allowed


def random_bsn():
    """A valid BSN (eleven test) no test run used before."""
    while True:
        number = f"{secrets.randbelow(10**8):08d}"
        total = sum(int(d) * w for d, w in zip(number, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10 and number[0] != "0" and bsn.is_valid(number + str(check)):
            return number + str(check)


class ErasureProofMixin:
    """The erasure proof, shared by the addons: make a person in every place
    of the registry, export, anonymise, then search the database and the
    filestore for every value. An addon's test class mixes this in, extends
    :meth:`_gov_fill_places` with its own places and calls
    :meth:`_gov_run_erasure_proof` from a test method.

    Values carry a random suffix, so files left by earlier runs (the filestore
    outlives a test's rollback) never match.
    """

    # The gov addons whose places this test fills (other installed addons'
    # places may stay empty: their own proof fills them).
    gov_proof_addons = {"gov_addressbook"}
    # Registry places that may stay empty in this test, with the reason.
    gov_places_may_be_empty = {
        "bus.bus": "live notifications are written at commit, never in a test",
        "gov_addressbook.access_request": "made by the export below",
    }

    def _gov_values(self):
        tag = secrets.token_hex(3)
        return {
            "firstname": f"Xanthippe{tag}",
            "lastname": f"Quirindaal{tag}",
            "email": f"xq.nieuw.{tag}@voorbeeld.nl",
            "old_email": f"xq.oud.{tag}@voorbeeld.nl",
            "phone": f"+31 6 4471 {tag[:4]}",
            "old_phone": f"+31 6 5508 {tag[:4]}",
            "street": f"Zonnebloemsteeg{tag} 7",
            "bsn": random_bsn(),
            "iban": f"NL77TEST{tag}",
            "note": f"Geheime notitie {tag}",
        }

    def _gov_needles(self, values):
        """The strings searched for: each value, and the parts of a name or
        address that could survive on their own."""
        needles = {
            values["firstname"],
            values["lastname"],
            values["email"],
            values["old_email"],
            values["phone"],
            values["old_phone"],
            values["phone"].replace(" ", ""),
            values["old_phone"].replace(" ", ""),
            values["street"].split()[0],
            values["bsn"],
            values["iban"],
            values["note"],
        }
        return sorted(needles)

    def _gov_fill_places(self, person, values):
        """Put the person in every core place; extend for an addon's places."""
        env = self.env
        partner = person.with_context(tracking_disable=False)
        # Tracked changes of e-mail, phone and address: the old values end up
        # in tracking values.
        partner.write(
            {
                "email": values["email"],
                "phone": values["phone"],
                "street": values["street"],
                "comment": f"<p>{values['note']}</p>",
            }
        )
        env["res.partner.bank"].create(
            {"partner_id": person.id, "acc_number": values["iban"]}
        )
        env["gov.contact.moment"].create(
            [
                {
                    "partner_id": person.id,
                    "channel": channel,
                    "subject": f"{values['lastname']} via {channel}",
                    "summary": f"{values['note']} {values['phone']}",
                }
                for channel in ("phone", "email", "counter")
            ]
        )
        letter = env["ir.attachment"].create(
            {
                "name": f"brief-{values['lastname']}.txt",
                "raw": f"Brief aan {values['firstname']} {values['lastname']}, "
                f"{values['street']}, BSN {values['bsn']}".encode(),
                "res_model": "res.partner",
                "res_id": person.id,
            }
        )
        person.message_post(
            body=f"Gebeld met {values['firstname']} over {values['note']}",
            attachment_ids=letter.ids,
            partner_ids=person.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        env["mail.mail"].create(
            {
                "email_to": values["email"],
                "subject": f"Uw vraag, {values['firstname']}",
                "body_html": f"<p>Beste {values['lastname']}</p>",
            }
        )
        person.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=f"Terugbellen {values['lastname']}",
            note=values["phone"],
            user_id=env.user.id,
        )
        person.message_subscribe(partner_ids=person.ids)
        env["gov.public.form.submission"].create(
            {"scope": "proof", "email": values["email"], "ip_address": "192.0.2.1"}
        )
        # An objection to mailings (kept on purpose) and a mistyped confirmation.
        env["mail.blacklist"]._add(values["email"])
        env["gov.partner.anonymise"].create(
            {"partner_id": person.id, "confirm_name": values["firstname"]}
        )
        # A read of the BSN, logged in the processing log (kept on purpose).
        env["gov.processing.log"]._log_processing(
            person, "read_bsn", ["bsn"], "form", purpose="relation_management"
        )

    def _gov_flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _gov_run_erasure_proof(self, officer):
        """The proof. ``officer`` is a privacy officer (not an administrator)."""
        values = self._gov_proof_values = self._gov_values()
        person = self.env["res.partner"].create(
            {
                "firstname": values["firstname"],
                "lastname": values["lastname"],
                "gov_party_type": "citizen",
                "email": values["old_email"],
                "phone": values["old_phone"],
                "bsn": values["bsn"],
            }
        )
        # A record made in this transaction is not tracked until it commits.
        self._gov_flush_tracking()
        self._gov_fill_places(person, values)
        self._gov_flush_tracking()
        needles = self._gov_needles(values)
        # Before: every place of the registry holds something about the person.
        found = person._gov_privacy_find()
        empty = [
            place["key"]
            for place, records in found
            if not records
            and place["key"] not in self.gov_places_may_be_empty
            and (
                not place["key"].startswith("gov_")
                or place["key"].split(".")[0] in self.gov_proof_addons
            )
        ]
        self.assertFalse(empty, "places the test did not fill")
        self.assertTrue(scan_database(self.env, needles), "the scan finds nothing")

        # Export: every place found is in the file, with its records.
        context = {"active_model": "res.partner", "active_id": person.id}
        export = (
            self.env["gov.partner.export"]
            .with_user(officer)
            .with_context(**context)
            .create({})
        )
        export.action_export()
        with zipfile.ZipFile(io.BytesIO(export.attachment_id.sudo().raw)) as archive:
            document = json.loads(archive.read("inzageverzoek.json"))
            summary = archive.read("inzageverzoek.html").decode()
            archived = archive.namelist()
        exported = {place["key"]: place["records"] for place in document["places"]}
        for place, records in found:
            if records:
                self.assertEqual(
                    len(exported[place["key"]]), len(records), place["key"]
                )
        text = json.dumps(document)
        for value in (values["bsn"], values["old_email"], values["iban"]):
            self.assertIn(value, text)
        self.assertIn("Inzageverzoek", summary)
        self.assertIn(values["lastname"], summary)
        self.assertTrue(any(name.startswith("bijlagen/") for name in archived))

        # Anonymise, as the privacy officer, typing the name.
        wizard = (
            self.env["gov.partner.anonymise"]
            .with_user(officer)
            .with_context(**context)
            .create({"confirm_name": person.name})
        )
        wizard.action_anonymise()
        self._gov_flush_tracking()
        self.assertTrue(person.gov_anonymised_at)
        self.assertTrue(wizard.report)
        kept = self.env["gov.privacy.erasure.report"].search(
            [("partner_ref", "=", person.id)]
        )
        self.assertEqual(len(kept), 1, "the privacy officer's report is kept")

        # After: no value anywhere, except where the registry keeps it.
        allowed = kept_columns(self.env, person)
        hits = scan_database(self.env, needles, allowed)
        self.assertEqual(hits, {})
        # The objection to mailings is honoured for good (kept on purpose).
        blocked = self.env["mail.blacklist"].search([("email", "=", values["email"])])
        self.assertTrue(blocked)
        self.assertEqual(scan_filestore(self.env, needles), {})
        return person, wizard
