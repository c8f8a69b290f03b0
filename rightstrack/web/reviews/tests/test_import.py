"""Import of the real Kazakhstan documents: what a coordinator relies on.

Expected figures were read in the documents: CRC/C/KAZ/CO/4 numbers its paragraphs 1 to
69; question 8(d) of the 2025 list of issues cites "CRC/C/KAZ/CO/4, para. 39" in its
footnote 3, question 12 cites para. 55(a).
"""

from __future__ import annotations

import pytest

from rightstrack.documents import parse_file, parse_text
from rightstrack.web.conftest import CO, LOI
from rightstrack.web.core.models import ObjectChange
from rightstrack.web.reviews import importer
from rightstrack.web.reviews.choices import Decision
from rightstrack.web.reviews.models import Document, DocumentVersion, Link, Paragraph, Tag

pytestmark = pytest.mark.django_db


def test_concluding_observations_are_stored_paragraph_by_paragraph(kaz):
    co, _ = kaz
    assert co.symbol == "CRC/C/KAZ/CO/4"
    assert co.state == "Kazakhstan" and co.committee == "CRC"
    numbers = list(co.paragraphs.order_by("position").values_list("number", flat=True))
    assert numbers == [str(n) for n in range(1, 70)]
    para39 = co.paragraphs.get(number="39")
    assert para39.kind == "recommendation" and para39.urgent
    assert "sale of children" in para39.text
    assert para39.cluster.startswith("D.")  # Family environment and alternative care


def test_list_of_issues_links_to_the_recommendations_it_cites(kaz):
    co, loi = kaz
    q8 = loi.paragraphs.get(number="8")
    targets = {(lk.target.document.symbol, lk.target.number) for lk in q8.links_out.all()}
    assert ("CRC/C/KAZ/CO/4", "39") in targets
    q12 = loi.paragraphs.get(number="12")
    assert ("CRC/C/KAZ/CO/4", "55") in {(lk.target.document.symbol, lk.target.number) for lk in q12.links_out.all()}


def test_same_file_again_changes_nothing(kaz):
    before = (Document.objects.count(), Paragraph.objects.count(), DocumentVersion.objects.count(),
              Link.objects.count(), Tag.objects.count(), ObjectChange.objects.count())
    plan = importer.plan(parse_file(CO), CO.name)
    assert plan.status == importer.UNCHANGED
    importer.save(plan)
    after = (Document.objects.count(), Paragraph.objects.count(), DocumentVersion.objects.count(),
             Link.objects.count(), Tag.objects.count(), ObjectChange.objects.count())
    assert after == before


def _edited(path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    return parse_text(text.replace(old, new), markdown=path.suffix == ".md")


def test_new_version_shows_changes_and_keeps_tracking(kaz):
    co, _ = kaz
    para39 = co.paragraphs.get(number="39")
    para39.status = "in_progress"
    para39.save()
    parsed = _edited(CO, "lift the secrecy of adoption", "lift the secrecy of adoption without delay")
    plan = importer.plan(parsed, "co-corrigendum.txt")
    assert plan.status == importer.NEW_VERSION
    assert [(c.number, c.what) for c in plan.changes] == [("39", "changed")]
    importer.save(plan)
    para39.refresh_from_db()
    assert para39.text.endswith("without delay.")
    assert para39.status == "in_progress"  # tracking survives a new version
    assert co.versions.count() == 2
    change = ObjectChange.objects.filter(paragraph_id=para39.pk, message__startswith="import").latest("time")
    assert "without delay" in change.after["text"] and "without delay" not in change.before["text"]


def test_human_decisions_survive_a_relink(kaz):
    co, loi = kaz
    link = Link.objects.get(source__document=loi, source__number="8", target__number="39")
    link.decision = Decision.REJECTED
    link.save()
    from rightstrack.web.reviews import links

    links.relink(co)
    link.refresh_from_db()
    assert link.decision == Decision.REJECTED


def test_importing_the_older_document_second_still_links(db):
    importer.save(importer.plan(parse_file(LOI), LOI.name))
    assert Link.objects.count() == 0  # nothing earlier to follow up yet
    importer.save(importer.plan(parse_file(CO), CO.name))
    assert Link.objects.filter(source__number="8", target__number="39").exists()


def test_articles_printed_in_the_document_become_confirmed_tags(kaz):
    co, _ = kaz
    para39 = co.paragraphs.get(number="39")
    values = set(para39.tags.filter(vocabulary="article").values_list("value", flat=True))
    assert set(para39.articles) <= values
    assert not para39.tags.exclude(decision=Decision.CONFIRMED).filter(origin="document").exists()


def test_a_document_without_symbol_is_refused_with_a_reason(db):
    text = CO.read_text(encoding="utf-8").replace("Kazakhstan", "Narnia")
    parsed = parse_text(text)
    parsed.symbol = None
    with pytest.raises(importer.ImportRefused, match="symbol"):
        importer.plan(parsed, "x.txt")
