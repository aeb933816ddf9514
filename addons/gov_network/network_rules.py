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
