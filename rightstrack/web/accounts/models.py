"""A user's role and agency, and the sign-in attempts that throttle password guessing."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .choices import Role


class Profile(models.Model):
    """Role of a user; a focal point belongs to one agency and edits only what it is assigned."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="focal_points")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.role == Role.FOCAL_POINT and not self.agency_id:
            raise ValidationError({"agency": "A focal point needs the agency it works for."})


class LoginAttempt(models.Model):
    """A failed sign-in; too many for one name or address within the window are refused."""

    time = models.DateTimeField(auto_now_add=True, db_index=True)
    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True)
