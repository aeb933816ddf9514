"""Short texts for the channels other than e-mail (no Odoo imports).

An SMS costs per segment of 160 characters (153 when split), so the text of a
mailing or update is cut to a few segments at a word boundary; a link the
receiver needs (to unsubscribe, to read on) is never cut off.
"""

SMS_LIMIT = 306  # two concatenated segments of 153 characters


def squash(text):
    """Collapse every run of white space into one space."""
    return " ".join((text or "").split())


def sms_text(subject, plain_body, link="", limit=SMS_LIMIT):
    """The SMS for a message: subject, as much of the body as fits, the link.

    >>> sms_text("Road closed", "The road is closed in July.")
    'Road closed: The road is closed in July.'
    """
    subject = squash(subject)
    body = squash(plain_body)
    tail = f" {link}" if link else ""
    text = f"{subject}: {body}" if body else subject
    room = limit - len(tail)
    if room <= 0:
        return link[:limit]
    if len(text) > room:
        cut = text[: max(room - 1, 0)]
        if " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip(" :,.;") + "…"
    return text + tail
