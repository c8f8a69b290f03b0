"""``rightstrack import PATH…``: import documents as the web upload does, one transaction each."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from rightstrack.documents import DocumentError, parse_file

from ... import importer


class Command(BaseCommand):
    help = "Import treaty-body or UPR documents; the same file twice changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--symbol", help="Document symbol when the file does not print it (one file only).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; save nothing.")
        parser.add_argument("--user", help="Record changes as this user (default: system).")

    def handle(self, paths, symbol=None, dry_run=False, user=None, **options):
        if symbol and len(paths) > 1:
            raise CommandError("--symbol applies to one file: import the others separately")
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"no user named {user!r}")
        for path in paths:
            try:
                parsed = importer.read(Path(path).read_bytes(), path, symbol=symbol) if Path(path).is_file() \
                    else parse_file(path, symbol=symbol)  # parse_file says what is wrong with the path
                plan = importer.plan(parsed, str(path))
            except (DocumentError, importer.ImportRefused) as error:
                raise CommandError(str(error)) from None
            for warning in parsed.warnings:
                self.stderr.write(f"warning: {path}, line {warning.line}: {warning.message}")
            for note in plan.notes:
                self.stdout.write(f"note: {note}")
            if plan.status != importer.UNCHANGED and not dry_run:
                document = importer.save(plan, account)
                links = sum(p.links_out.count() for p in document.paragraphs.all())
                saved = f"saved, {links} links"
            else:
                saved = "nothing saved"
            changes = f", {len(plan.changes)} paragraphs changed" if plan.status == importer.NEW_VERSION else ""
            self.stdout.write(f"{parsed.symbol}: {plan.status.replace('_', ' ')}, {len(plan.rows)} paragraphs"
                              f"{changes}, {len(parsed.warnings)} warnings; {saved}")
