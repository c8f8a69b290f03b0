"""Web pages at 100,000 recommendations: median and p95 server time, SQLite and PostgreSQL.

Each database is seeded in a child process (Django is configured once per process) with
100,000 paragraphs in 500 documents of 50 States, texts drawn from the real Kazakhstan
documents, about 200,000 tags and 20,000 links; then each page is requested through
Django's test client (middleware, permissions, templates; no network) and timed.
``python benchmarks/bench_web.py --rows 20000`` runs a smaller one by hand.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("RIGHTSTRACK_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/rightstrack_bench")
ROWS = 100_000
REPEAT = 25


def run() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", f"sqlite:///{tmp}/bench.sqlite3")]
        if _postgres_ready():
            targets.append(("postgresql", POSTGRES))
        else:
            rows.append(("postgresql", f"skipped: {POSTGRES} not reachable"))
        for name, url in targets:
            env = {**os.environ, "DATABASE_URL": url, "RIGHTSTRACK_DATA_DIR": tmp}
            out = subprocess.run([sys.executable, __file__, "--rows", str(ROWS)], env=env, capture_output=True,
                                 text=True, timeout=1800)
            if out.returncode:
                rows.append((f"{name}: failed", out.stderr.strip().splitlines()[-1] if out.stderr else "?"))
                continue
            rows.extend((f"{name}: {figure}", value) for figure, value in json.loads(out.stdout.splitlines()[-1]))
    return rows


def _postgres_ready() -> bool:
    import psycopg

    admin = POSTGRES.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            name = POSTGRES.rsplit("/", 1)[1]
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return True
    except psycopg.Error:
        return False


def _seed(count: int) -> dict:
    from django.contrib.auth import get_user_model

    from rightstrack.documents import parse_file
    from rightstrack.web.accounts.models import Profile
    from rightstrack.web.agencies.models import Agency
    from rightstrack.web.reviews.models import Document, Link, Paragraph, Tag

    rng = random.Random(7)
    real = [p for name in ("kaz-concluding-observations-2015.txt", "kaz-list-of-issues-2025.md")
            for p in parse_file(ROOT / "examples" / "crc-kaz" / name).paragraphs]
    committees = ["CRC", "CEDAW", "CCPR", "CESCR", "CAT", "CERD", "CRPD", "CMW", "CED", "UPR"]
    statuses = ["not_assessed"] * 4 + ["not_started", "in_progress", "partially_implemented", "implemented",
                                       "not_implemented"]
    kinds = ["recommendation"] * 5 + ["concern"] * 3 + ["request_for_information", "positive_aspect"]
    themes = ["Education", "Health", "Violence against children", "Juvenile justice", "Birth registration",
              "Disability", "Migration", "Poverty", "Gender equality", "Torture"]
    groups = ["Children", "Girls", "Children with disabilities", "Migrant children", "Minorities", "Women"]
    agencies = Agency.objects.bulk_create(Agency(name=f"Ministry {i}", acronym=f"M{i}") for i in range(30))
    per_document = 200
    documents = Document.objects.bulk_create(
        Document(symbol=f"{committees[d % 10]}/C/S{d % 50:02d}/CO/{d}", committee=committees[d % 10],
                 state=f"State {d % 50:02d}", state_code=f"S{d % 50:02d}", type="concluding_observations",
                 cycle=str(d % 7 + 1), language="en", paragraph_count=per_document, sha256=f"{d:064d}",
                 date=f"{2008 + d % 17}-06-01") for d in range(count // per_document))
    paragraphs = []
    for d, document in enumerate(documents):
        for n in range(1, per_document + 1):
            source = real[(d * per_document + n) % len(real)]
            text = source.full_text() + " " + " ".join(rng.sample(themes, 2)).lower()
            paragraphs.append(Paragraph(
                document=document, number=str(n), position=n, kind=rng.choice(kinds), urgent=rng.random() < 0.08,
                cluster=source.cluster or "", text=source.text, full_text=text, articles=source.articles,
                committee=document.committee, state_code=document.state_code, cycle=document.cycle,
                year=int(document.date[:4]), status=rng.choice(statuses),
                lead_agency=rng.choice(agencies) if rng.random() < 0.6 else None))
    Paragraph.objects.bulk_create(paragraphs, batch_size=2000)
    ids = list(Paragraph.objects.values_list("id", flat=True))
    tags = []
    for pk in ids:
        tags.append(Tag(paragraph_id=pk, vocabulary="theme", value=rng.choice(themes), origin="tagging"))
        tags.append(Tag(paragraph_id=pk, vocabulary="group", value=rng.choice(groups), origin="tagging"))
    Tag.objects.bulk_create(tags, batch_size=5000, ignore_conflicts=True)
    links = [Link(source_id=ids[i], target_id=ids[i - per_document * 50], origin="linking", score=0.7)
             for i in range(per_document * 50, len(ids), 5)][:count // 5]
    Link.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)
    user = get_user_model().objects.create_user("bench")
    Profile.objects.create(user=user, role="coordinator")
    Paragraph.objects.filter(id__in=ids[::50]).update(published=True)
    return {"user": user, "linked": links[-1].source_id, "document": documents[-1].pk, "state": "S07",
            "agency": agencies[3].pk, "links": len(links), "tags": len(tags)}


def _time(client, url: str) -> tuple[float, float, float]:
    first = _request(client, url)
    times = [_request(client, url) for _ in range(REPEAT)]
    return first, statistics.median(times), sorted(times)[int(len(times) * 0.95) - 1]


def _request(client, url: str) -> float:
    from django.core.cache import cache

    cache.clear()  # time the work, not the facet cache (paging through results would hit it)
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed


def _estimate_errors(user) -> list[tuple[str, str]]:
    """How far the sampled facet counts of large result sets are from the exact ones."""
    from rightstrack.web.reviews.facets import facets
    from rightstrack.web.reviews.models import Paragraph
    from rightstrack.web.reviews.search import matching

    rows = []
    for label, words in (("'education'", "education"), ("'Kazakhstan'", "Kazakhstan")):
        visible = matching(Paragraph.objects.restrict(user), words)
        estimate, exact = facets(visible, {}), facets(visible, {}, exact=True)
        truth = {(f.name, v.value): v.count for f in exact.facets for v in f.values}
        errors = [abs(v.count - truth[f.name, v.value]) / truth[f.name, v.value]
                  for f in estimate.facets for v in f.values if truth.get((f.name, v.value), 0) >= 500]
        rows.append((f"estimate of {label}: total, facet values of 500+ (median / max error)",
                     f"{estimate.total:,} for {exact.total:,}; {statistics.median(errors):.1%} / {max(errors):.1%} "
                     f"over {len(errors)} values, sample of {estimate.sampled:,}"))
    return rows


def child(count: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    from django.db import transaction

    start = time.perf_counter()
    with transaction.atomic():
        seeded = _seed(count)
    seconds = time.perf_counter() - start
    if os.environ.get("RIGHTSTRACK_BENCH_KEEP"):  # by hand: keep the database to profile it
        print(json.dumps(seeded, default=str), file=sys.stderr)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    client.force_login(seeded["user"])
    pages = [
        ("search, no filter (facets)", "/search/"),
        ("search 'education'", "/search/?q=education"),
        ("search 'juvenile justice' + 2 facets", "/search/?q=juvenile+justice&committee=CRC&status=in_progress"),
        ("search by theme + agency facets", f"/search/?theme=Disability&agency={seeded['agency']}"),
        ("search rare word", "/search/?q=Ayagoz"),
        ("search by status (a facet of 44% of paragraphs)", "/search/?status=not_assessed"),
        ("search 'education', exact counts asked for", "/search/?q=education&exact=1"),
        ("recommendation page (with chain)", f"/paragraphs/{seeded['linked']}/"),
        ("history page", f"/paragraphs/{seeded['linked']}/history/"),
        ("browse: States", "/"),
        ("browse: one State", f"/states/{seeded['state']}/"),
        ("browse: document of 200 paragraphs", f"/documents/{seeded['document']}/"),
        ("API list, 50 per page", "/api/paragraphs/?limit=50"),
        ("API list with search filters", "/api/paragraphs/?q=education&status=implemented&limit=50"),
        ("portal index", "/portal/"),
    ]
    rows = [(f"seeded {count:,} paragraphs, {seeded['tags']:,} tags, {seeded['links']:,} links", f"{seconds:.1f} s")]
    for label, url in pages:
        first, median, p95 = _time(client, url)
        rows.append((label, f"median {median:.1f} ms, p95 {p95:.1f} ms (first {first:.0f} ms)"))
    rows.extend(_estimate_errors(seeded["user"]))
    from django.core.cache import cache

    url = "/search/?q=education&page=2"
    cache.clear()
    client.get(url.replace("&page=2", ""))
    start = time.perf_counter()
    client.get(url)
    rows.append(("search 'education', next page (facets cached)", f"{(time.perf_counter() - start) * 1000:.1f} ms"))
    print(json.dumps(rows))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if "--rows" in sys.argv:
        count = int(sys.argv[sys.argv.index("--rows") + 1])
        if "DATABASE_URL" in os.environ:
            child(count)
        else:
            for figure, value in run():
                print(f"  {figure:<58} {value}")
