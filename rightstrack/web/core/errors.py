"""Errors of the web application a user can act on (str() is the one line shown)."""

from __future__ import annotations


class EditConflict(Exception):
    """Someone saved the same record since this user opened it."""

    def __init__(self, user_name: str = "", time=None):
        self.user_name, self.time = user_name, time
        who = f" by {user_name}" if user_name else ""
        when = f" at {time:%Y-%m-%d %H:%M} UTC" if time else ""
        super().__init__(f"this record was changed{who}{when} after you opened it; your changes were not "
                         "saved: check the current values and submit again")
