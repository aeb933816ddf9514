"""Flags that only server-side code can set, never an RPC caller.

Odoo's ``env.context`` arrives from the client: anything in it (XML-RPC's
``context`` argument, JSON-2's ``context`` key, the web client) is the caller's
claim. Whatever grants a right or is written to an audit log as fact (the
purpose of a processing, "this write is the consent flow", the client's IP
address) must therefore travel another way. A ``ContextVar`` is local to the
thread (and asyncio task) running the request, and only Python code running
on the server can set it.

Usage::

    with server_flags(gov_consent_write=True):
        record.write(vals)

    if server_flag("gov_consent_write"):
        ...
"""

from contextlib import contextmanager
from contextvars import ContextVar

_FLAGS = ContextVar("gov_server_flags", default={})  # noqa: B039 - never mutated


@contextmanager
def server_flags(**flags):
    """Set ``flags`` for the code run inside the ``with`` block."""
    token = _FLAGS.set({**_FLAGS.get(), **flags})
    try:
        yield
    finally:
        _FLAGS.reset(token)


def server_flag(name, default=None):
    """The value of a flag set by :func:`server_flags`, or ``default``."""
    return _FLAGS.get().get(name, default)
