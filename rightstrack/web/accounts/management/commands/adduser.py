"""``rightstrack adduser NAME --role coordinator``: create a user with a role, print its password."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ...choices import Role
from ...models import Profile


class Command(BaseCommand):
    help = "Create (or reset) a user with a role and print a new random password."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=[r.value for r in Role], default=Role.VIEWER)
        parser.add_argument("--agency", help="Agency acronym or name (focal points).")
        parser.add_argument("--password", help="Use this password instead of a random one.")

    @transaction.atomic
    def handle(self, username, role, agency=None, password=None, **options):
        from ....agencies.models import Agency

        agency_obj = None
        if agency:
            agency_obj = (Agency.objects.filter(acronym__iexact=agency).first()
                          or Agency.objects.filter(name__iexact=agency).first())
            if agency_obj is None:
                raise CommandError(f"no agency named {agency!r}: add it first (web page Agencies)")
        if role == Role.FOCAL_POINT and agency_obj is None:
            raise CommandError("a focal point needs --agency")
        password = password or secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.set_password(password)
        user.is_superuser = user.is_staff = role == Role.ADMIN
        user.save()
        Profile.objects.update_or_create(user=user, defaults={"role": role, "agency": agency_obj})
        self.stdout.write(f"user {username} ({role}) password: {password}")
