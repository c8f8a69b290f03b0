"""Sign-in with throttling; user creation with a role."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm

from . import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses to check passwords after too many failures for a user name or address."""

    def clean(self):
        username = self.data.get("username", "") or ""
        address = self.request.META.get("REMOTE_ADDR") if self.request else None
        if throttle.blocked(username, address):
            minutes = settings.LOGIN_WINDOW_SECONDS // 60
            raise forms.ValidationError(
                f"Too many failed sign-ins: wait {minutes} minutes, or ask an administrator to reset your password.",
                code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.failed(username, address)
            raise
        throttle.succeeded(username)
        return cleaned
