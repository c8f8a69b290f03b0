"""Sign-in throttling: counted in the database so every server worker sees the same count."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from .models import LoginAttempt


def _recent(username: str, address: str | None):
    since = timezone.now() - datetime.timedelta(seconds=settings.LOGIN_WINDOW_SECONDS)
    return LoginAttempt.objects.filter(time__gte=since, username=username.lower()), \
        LoginAttempt.objects.filter(time__gte=since, address=address)


def blocked(username: str, address: str | None) -> bool:
    by_name, by_address = _recent(username, address)
    limit = settings.LOGIN_MAX_FAILURES
    return by_name.count() >= limit or (address is not None and by_address.count() >= limit * 4)


def failed(username: str, address: str | None) -> None:
    LoginAttempt.objects.create(username=username.lower(), address=address)


def succeeded(username: str) -> None:
    LoginAttempt.objects.filter(username=username.lower()).delete()
