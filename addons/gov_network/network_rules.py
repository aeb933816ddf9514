"""Plain rules of the network: strength of an acquaintance, confidentiality."""

# ZGW "vertrouwelijkheidaanduiding" in increasing order of secrecy.
CONFIDENTIALITY_ORDER = (
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
)
VISIBLE_LEVELS = CONFIDENTIALITY_ORDER[: CONFIDENTIALITY_ORDER.index("intern") + 1]
DEFAULT_LEVEL = "intern"


def strength_for_count(count):
    """Strength (1-3) of "knows" after ``count`` contact moments.

    1 for one or two contacts, 2 for three to nine, 3 for ten or more;
    ``None`` when there was no contact at all.
    """
    if count <= 0:
        return None
    if count <= 2:
        return 1
    if count <= 9:
        return 2
    return 3


def relation_level(moment_levels):
    """Confidentiality of a "knows" relation derived from contact moments.

    The least secret level among the moments, but never below "intern": one
    ordinary contact makes the acquaintance itself internal knowledge, while
    a colleague met only in secret keeps the relation secret too.
    """
    known = [level for level in moment_levels if level in CONFIDENTIALITY_ORDER]
    if not known:
        return DEFAULT_LEVEL
    least = min(known, key=CONFIDENTIALITY_ORDER.index)
    return max(least, DEFAULT_LEVEL, key=CONFIDENTIALITY_ORDER.index)


def rank_key(strength, last_contact_date, chain_length):
    """Sort key (descending) for who-knows answers.

    Stronger first, then the most recent contact, then the shortest chain.
    """
    return (
        strength or 0,
        last_contact_date.toordinal() if last_contact_date else 0,
        -chain_length,
    )


def chain_text(names, hop_labels):
    """``A → knows → B → works at → C`` from partner names and step labels."""
    steps = [names[0]]
    for label, name in zip(hop_labels, names[1:], strict=True):
        steps += [label, name]
    return " → ".join(steps)


# Which contacts make "colleague knows contact" (setting gov_network.knows_scope).
KNOWS_SCOPE_ORGANISATIONS = "organisations"
KNOWS_SCOPE_ALL = "all"
KNOWS_SCOPE_NONE = "none"
ORGANISATION_PARTY_TYPES = ("company", "government", "press", "civil_society")


def makes_acquaintance(scope, party_type, is_company, has_organisation):
    """Whether a contact with this relation makes the colleague "know" it.

    ``organisations`` (the default): organisations and their people (a
    person under an organisation, or of an organisation's party type, such as
    a freelance journalist); never a citizen, nor a person without an
    organisation. Answering a citizen is not knowing them, and recording it
    would be personal data without a purpose (AVG).
    """
    if scope == KNOWS_SCOPE_ALL:
        return True
    if scope == KNOWS_SCOPE_NONE or party_type == "citizen":
        return False
    return bool(
        is_company or has_organisation or party_type in ORGANISATION_PARTY_TYPES
    )
