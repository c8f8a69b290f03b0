"""API permissions: signed-in users only; which rows comes from ``.restrict()`` in the view."""

from rest_framework.permissions import IsAuthenticated

ACTION_OF_METHOD = {"GET": "view", "HEAD": "view", "OPTIONS": "view", "POST": "add", "PUT": "change",
                    "PATCH": "change", "DELETE": "delete"}


class RestrictedPermission(IsAuthenticated):
    message = "Sign in (session) or send 'Authorization: Token …' (docs/api.md)."
