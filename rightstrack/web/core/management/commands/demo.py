"""``rightstrack demo``: a working database from the shipped Kazakhstan documents."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ....accounts.choices import Role
from ....accounts.models import Profile
from ....agencies.models import Agency

EXAMPLES = Path(__file__).resolve().parents[5] / "examples" / "crc-kaz"
DOCUMENTS = ("kaz-concluding-observations-2015.txt", "kaz-list-of-issues-2025.md")
# A few ministries found in most governments, so that assignment can be tried at once.
DEMO_AGENCIES = (("Ministry of Education", "MoE"), ("Ministry of Health", "MoH"),
                 ("Ministry of Labour and Social Protection", "MLSP"), ("Ministry of Internal Affairs", "MIA"),
                 ("Ministry of Justice", "MoJ"))


class Command(BaseCommand):
    help = "Migrate, import the Kazakhstan documents with links and tags, create the demo administrator."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def step(self, number: int, text: str) -> None:
        self.stdout.write(f"[{number}/4] {text}")
        self.stdout.flush()

    def handle(self, username="admin", **options):
        database = settings.DATABASES["default"]
        self.step(1, f"Preparing the database {database['NAME']} …")
        call_command("migrate", verbosity=0, interactive=False)
        self.step(2, "Importing the Kazakhstan documents (CRC 2015 concluding observations, 2025 list of issues) …")
        call_command("import_documents", *[str(EXAMPLES / name) for name in DOCUMENTS], stdout=self.stdout,
                     stderr=self.stderr)
        self.step(3, "Adding demo agencies …")
        for name, acronym in DEMO_AGENCIES:
            Agency.objects.get_or_create(name=name, defaults={"acronym": acronym})
        self.step(4, "Creating the demo administrator …")
        password = secrets.token_urlsafe(9)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_superuser = user.is_staff = True
        user.set_password(password)
        user.save()
        Profile.objects.update_or_create(user=user, defaults={"role": Role.ADMIN})
        self.stdout.write(f"Demo administrator: user {username}, password {password}")
