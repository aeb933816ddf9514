"""Dutch personal names: tussenvoegsels (infixes), initials and sort keys. No Odoo."""

# Longest first, so "van der" wins over "van".
INFIXES = sorted(
    {
        infix.strip()
        for infix in """van, van de, van der, van den, van het, van 't, de, den, der,
        het, 't, ter, ten, te, in 't, in de, in het, op de, op den, op 't, uit de,
        uit den, uit het, aan de, aan den, bij de, voor de, von, von der, d'""".split(
            ","
        )
    },
    key=len,
    reverse=True,
)


def split_name(full_name):
    """Split "Jan Peter van der Berg" into (first names, infix, last name).

    The first word is taken as the first name(s) only when a known infix or at least
    one more word follows; the last name is everything after the infix.
    """
    words = (full_name or "").split()
    if len(words) < 2:
        return "", "", " ".join(words)
    lowered = [word.lower() for word in words]
    # Find the earliest position (after the first word) where an infix starts.
    for start in range(1, len(words) - 1):
        for infix in INFIXES:
            size = len(infix.split())
            if lowered[start : start + size] == infix.split() and start + size < len(
                words
            ):
                return (
                    " ".join(words[:start]),
                    " ".join(lowered[start : start + size]),
                    " ".join(words[start + size :]),
                )
    return " ".join(words[:-1]), "", words[-1]


def initials(first_names):
    """ "Jan Peter" -> "J.P."; a hyphen stays: "Anne-Marie" -> "A.-M." """
    result = []
    for word in (first_names or "").split():
        parts = [part for part in word.split("-") if part]
        result.append("-".join(f"{part[0].upper()}." for part in parts))
    return "".join(result)


def formal_name(initials_text, infix, last_name):
    """ "J.", "van der", "Berg" -> "J. van der Berg" """
    return " ".join(part for part in (initials_text, infix, last_name) if part)


def sort_key(first_names, last_name):
    """Sort and search on the last name without its infix: "berg jan"."""
    return " ".join(part for part in (last_name, first_names) if part).lower()
