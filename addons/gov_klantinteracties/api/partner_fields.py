"""How a relation's own fields read as Klantinteracties data groups
(contactnaam, adres, voorkeurstaal) and back."""

import re

# res.lang code prefix -> ISO 639-2/B as Open Klant stores voorkeurstaal.
LANGUAGES = {
    "nl": "nld",
    "en": "eng",
    "de": "deu",
    "fr": "fra",
    "es": "spa",
    "tr": "tur",
    "ar": "ara",
    "pl": "pol",
}
_ISO = {iso: prefix for prefix, iso in LANGUAGES.items()}
_ISO["dut"] = "nl"
_STREET = re.compile(
    r"^(?P<straat>.*?\D)\s*(?P<nummer>\d{1,5})\s*(?P<toevoeging>\S.*)?$"
)
_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")


def language_of(lang):
    return LANGUAGES.get((lang or "")[:2], "") if lang else ""


def lang_for(env, code):
    """The installed res.lang code for ISO 639 ``code`` (None if none is)."""
    prefix = _ISO.get((code or "").lower())
    if not prefix:
        return None
    installed = [code for code, _name in env["res.lang"].get_installed()]
    return next((c for c in installed if c.startswith(prefix)), None)


def contactnaam_of(partner):
    parts = {
        "voorletters": (partner.name_initials or "")[:10],
        "voornaam": (partner.firstname or "")[:200],
        "voorvoegselAchternaam": (partner.name_infix or "")[:10],
        "achternaam": (partner.lastname or partner.name or "")[:200],
    }
    return parts


def full_name(contactnaam):
    """Open Klant 2.18.0 derives volledigeNaam from the parts ("Jan de Vries")."""
    keys = ("voornaam", "voorvoegselAchternaam", "achternaam")
    return " ".join(contactnaam[k] for k in keys if contactnaam.get(k))


def name_vals(contactnaam):
    """res.partner values for a contactnaam (partner_firstname's fields)."""
    contactnaam = contactnaam or {}
    vals = {
        "firstname": contactnaam.get("voornaam") or False,
        "lastname": contactnaam.get("achternaam") or False,
        "name_infix": contactnaam.get("voorvoegselAchternaam") or False,
    }
    if contactnaam.get("voorletters"):
        vals["name_initials"] = contactnaam["voorletters"]
    return vals


def adres_of(partner):
    """The relation's address as a Klantinteracties Adres, or None."""
    if not (partner.street or partner.zip or partner.city):
        return None
    adres = {
        "nummeraanduidingId": "",
        "straatnaam": "",
        "huisnummer": None,
        "huisnummertoevoeging": "",
        "postcode": "",
        "stad": (partner.city or "")[:255],
        "adresregel1": "",
        "adresregel2": "",
        "adresregel3": "",
        "land": "",
    }
    match = _STREET.match((partner.street or "").strip())
    if match:
        adres["straatnaam"] = match["straat"].strip()[:255]
        adres["huisnummer"] = int(match["nummer"]) or None
        adres["huisnummertoevoeging"] = (match["toevoeging"] or "").strip("- ")[:20]
    else:
        adres["adresregel1"] = (partner.street or "")[:80]
    adres["adresregel2"] = (partner.street2 or "")[:80]
    postcode = _POSTCODE.match((partner.zip or "").strip())
    if postcode:
        adres["postcode"] = f"{postcode[1]} {postcode[2].upper()}"
    elif partner.zip:
        adres["adresregel3"] = f"{partner.zip} {partner.city or ''}".strip()[:80]
    country = partner.country_id.code
    if country and country != "NL":
        adres["land"] = country
    # Keys whose format ("1234 AB", 16 digits, 2 letters) an empty value
    # would break are left out rather than sent empty.
    return {
        key: value
        for key, value in adres.items()
        if value != "" or key not in ("nummeraanduidingId", "postcode", "land")
    }


def address_vals(env, adres):
    """res.partner values for a Klantinteracties Adres (None clears it)."""
    if not adres:
        return {"street": False, "street2": False, "zip": False, "city": False}
    street = " ".join(
        str(part)
        for part in (
            adres.get("straatnaam"),
            adres.get("huisnummer"),
            adres.get("huisnummertoevoeging"),
        )
        if part
    )
    vals = {
        "street": street or adres.get("adresregel1") or False,
        "street2": adres.get("adresregel2") or False,
        "zip": adres.get("postcode") or False,
        "city": adres.get("stad") or False,
    }
    country = env["res.country"].search(
        [("code", "=", adres.get("land") or "NL")], limit=1
    )
    vals["country_id"] = country.id or False
    return vals
