"""Who is changing data right now: set per request by middleware, per command by the CLI.

A context variable rather than a thread-local so that it also holds in async code and in
tests running a live server thread.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class ChangeContext:
    user: object | None = None
    request_id: uuid.UUID = field(default_factory=uuid.uuid4)
    message: str = ""


_current: ContextVar[ChangeContext | None] = ContextVar("rightstrack_change_context", default=None)


def current() -> ChangeContext:
    return _current.get() or ChangeContext()


@contextmanager
def change_context(user=None, message: str = ""):
    """Attribute every change made inside to ``user`` with ``message`` (e.g. "import")."""
    token = _current.set(ChangeContext(user=user, message=message))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def attribute_to(user) -> None:
    """Name the user of the current request once it is known (the API authenticates late)."""
    context = _current.get()
    if context is not None and getattr(user, "is_authenticated", False):
        context.user = user
