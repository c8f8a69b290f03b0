"""Facet counts: the counts the database keeps, estimates for large sets, and who sees what."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count

from rightstrack.web.agencies.models import Agency
from rightstrack.web.reviews import counts
from rightstrack.web.reviews.facets import facets
from rightstrack.web.reviews.filtersets import ParagraphFilterSet
from rightstrack.web.reviews.models import Document, FacetCount, Paragraph, Tag
from rightstrack.web.reviews.sample import BUCKETS, SAMPLED
from rightstrack.web.reviews.search import in_listing_order, matching

pytestmark = pytest.mark.django_db


def truth() -> tuple[dict, dict]:
    """The facet counts of every paragraph, grouped afresh: what the kept counts must equal."""
    fields = {}
    for name, column in counts.COLUMNS:
        rows = Paragraph.objects.order_by().values_list(column).annotate(n=Count("*"))
        if name == "urgent":
            fields[name] = {"true" if v else "false": n for v, n in rows}
        else:
            fields[name] = {"" if v is None else str(v): n for v, n in rows}
    tags: dict[str, dict[str, int]] = {}
    for vocabulary, value, n in (Tag.objects.exclude(decision="rejected").order_by()
                                 .values_list("vocabulary", "value").annotate(n=Count("*"))):
        tags.setdefault(vocabulary, {})[value] = n
    return fields, tags


def in_sample(pk: int) -> bool:
    """The sample rule (``sample.bucket_sql``) written again in Python."""
    return (pk * 2654435761 % 2**32) >> 26 < SAMPLED


def more_paragraphs(document: Document, copies: int) -> None:
    """A second document made of the real paragraphs of ``document``, repeated (bulk, as imports do)."""
    clone = Document.objects.create(symbol=document.symbol + "/copy", committee=document.committee, state="Xanadu",
                                    state_code="XYZ", type=document.type, cycle="9", language="en",
                                    sha256="1" * 64, date="2024-01-01")
    source = list(document.paragraphs.prefetch_related("tags"))
    copied = Paragraph.objects.bulk_create(
        Paragraph(document=clone, number=str(n), position=n, kind=p.kind, text=p.text, full_text=p.full_text,
                  committee=p.committee, state_code="XYZ", cycle="9", year=2024, status=p.status)
        for n, p in enumerate(source * copies, start=1))
    if not copied[0].pk:  # SQLite before 3.35 does not return the ids of a bulk insert
        copied = list(clone.paragraphs.order_by("position"))
    Tag.objects.bulk_create(Tag(paragraph=new, vocabulary=t.vocabulary, value=t.value, origin=t.origin)
                            for new, old in zip(copied, source * copies, strict=True) for t in old.tags.all())


def test_kept_counts_follow_every_kind_of_write(kaz, agencies):
    co, loi = kaz
    assert counts.read() == truth()  # after a bulk import
    para = co.paragraphs.get(number="39")
    para.status, para.lead_agency = "in_progress", agencies["MoE"]
    para.save()  # a tracked save
    Paragraph.objects.filter(document=loi).update(urgent=True, status="implemented")  # bulk, no signal
    tag = Tag.objects.filter(paragraph__document=co).first()
    tag.decision = "rejected"
    tag.save()
    Tag.objects.create(paragraph=para, vocabulary="theme", value="Birth registration", origin="manual")
    Tag.objects.filter(paragraph__document=co, vocabulary="article").delete()
    assert counts.read() == truth()
    loi.delete()  # cascades to its paragraphs and tags
    assert counts.read() == truth()
    fields, _ = counts.read()
    assert sum(fields["kind"].values()) == Paragraph.objects.count()


def test_compacting_keeps_the_counts_and_leaves_one_row_a_value(kaz):
    for status in ("in_progress", "implemented", "not_started"):
        for paragraph in Paragraph.objects.all()[:20]:
            paragraph.status = status
            paragraph.save()
        Paragraph.objects.update(status=status)
    before = counts.read()
    counts.compact()
    assert counts.read() == before == truth()
    assert FacetCount.objects.count() == len(FacetCount.objects.values("facet", "value").distinct())
    counts.rebuild()
    assert counts.read() == before


def test_search_page_as_it_opens_shows_the_kept_counts(kaz, client_for):
    Paragraph.objects.filter(number="8").update(status="implemented")
    page = client_for("viewer").get("/search/").content.decode()
    shown = re.search(r'name="status" value="implemented"> <span>Implemented</span> <span class="count">(\d+)', page)
    assert int(shown.group(1)) == Paragraph.objects.filter(status="implemented").count()
    assert f"<strong>{Paragraph.objects.count()}</strong> paragraphs" in page
    assert "≈" not in page


def test_large_result_sets_are_estimated_from_the_sample_and_say_so(kaz, client_for, settings):
    settings.FACETS_EXACT_UP_TO = 100
    more_paragraphs(kaz[0], 8)
    matches = Paragraph.objects.filter(state_code="XYZ")
    sample = [p for p in matches if in_sample(p.pk)]
    assert sample and matches.count() > 100

    client = client_for("viewer")
    page = client.get("/search/", {"state": "XYZ"}).content.decode()
    assert "Counts marked ≈ are estimates from a sample of" in page and "Count exactly" in page
    scale = BUCKETS // SAMPLED
    summary = facets(matches, {})
    assert summary.approximate and summary.sampled == len(sample)
    assert summary.total == len(sample) * scale
    kinds = {v.value: v.count for f in summary.facets if f.name == "kind" for v in f.values}
    assert kinds == {kind: n * scale for kind, n in Counter(p.kind for p in sample).items()}
    shown = int(re.search(r"<strong>about ([\d,]+)</strong>", page).group(1).replace(",", ""))
    assert abs(shown - summary.total) <= summary.total * 0.05  # two significant digits, as people say it
    assert page.count("≈</abbr>") == sum(len(f.values) for f in summary.facets)

    exact = client.get("/search/", {"state": "XYZ", "exact": "1"}).content.decode()
    assert f"<strong>{matches.count()}</strong> paragraphs" in exact and "≈" not in exact


def test_words_with_a_large_result_set_are_sampled_among_their_matches(kaz, settings):
    settings.FACETS_EXACT_UP_TO = 100
    more_paragraphs(kaz[0], 8)
    matches = matching(Paragraph.objects.all(), "children")
    summary = facets(matches, {})
    sample = [p for p in matches if in_sample(p.pk)]
    assert summary.approximate and summary.sampled == len(sample) > 0
    assert summary.total == len(sample) * BUCKETS // SAMPLED


def test_tag_filters_with_a_large_result_set_are_sampled_among_their_paragraphs(kaz, settings):
    settings.FACETS_EXACT_UP_TO = 100
    more_paragraphs(kaz[0], 8)
    theme = Tag.objects.values_list("value", flat=True).filter(vocabulary="theme").annotate(n=Count("*")) \
        .order_by("-n").first()
    matches = ParagraphFilterSet({"theme": [theme]}, queryset=Paragraph.objects.all()).qs
    summary = facets(matches, {})
    sample = [p for p in matches if in_sample(p.pk)]
    assert summary.approximate and summary.sampled == len(sample) > 0
    exact = facets(matches, {}, exact=True)
    assert exact.total == matches.count() == Paragraph.objects.filter(tags__vocabulary="theme",
                                                                      tags__value=theme).count()


def test_small_result_sets_are_counted_exactly(kaz):
    matches = matching(Paragraph.objects.all(), "children")
    summary = facets(matches, {})
    assert not summary.approximate and summary.total == matches.count()
    assert sorted(summary.ids) == sorted(matches.values_list("pk", flat=True))  # the result list reads these
    statuses = {v.value: v.count for f in summary.facets if f.name == "status" for v in f.values}
    assert statuses == dict(Counter(matches.values_list("status", flat=True)))


def test_counts_never_include_paragraphs_the_user_may_not_see(kaz):
    co, _ = kaz
    published = list(co.paragraphs.order_by("position")[:3])
    Paragraph.objects.filter(pk__in=[p.pk for p in published]).update(published=True)
    public = Paragraph.objects.restrict(AnonymousUser())
    summary = facets(public, {})
    assert summary.total == 3
    kinds = {v.value: v.count for f in summary.facets if f.name == "kind" for v in f.values}
    assert kinds == dict(Counter(p.kind for p in published))
    words = facets(matching(public, "children"), {})
    assert words.total == sum("children" in p.full_text.lower() for p in published)


def test_the_search_page_is_not_open_to_the_public(kaz, client_for):
    response = client_for(None).get("/search/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_listing_order_hint_gives_the_same_pages(kaz):
    ordered = matching(Paragraph.objects.all(), "children").order_by("-year", "document_id", "position")
    assert list(in_listing_order(ordered)[:20]) == list(ordered[:20])
    assert list(in_listing_order(ordered)[20:40]) == list(ordered[20:40])


def test_agency_filter_finds_lead_and_supporting(sample, client_for):
    moe = Agency.objects.get(acronym="MoE")
    sample["p2"].supporting_agencies.add(moe)
    page = client_for("viewer").get("/search/", {"agency": moe.pk}).content.decode()
    assert sample["p1"].get_absolute_url() in page and sample["p2"].get_absolute_url() in page
    assert "<strong>2</strong> paragraphs" in page


def test_words_of_a_linked_paragraph_are_counted_whole(kaz):
    """The sample is pushed only into look-ups of the paragraph itself, never of a joined one."""
    followed_up = Paragraph.objects.filter(links_in__source__full_text__matches="children")
    assert followed_up.exists()
    assert facets(followed_up, {}, exact=True).total == followed_up.count()


def test_paging_an_estimated_result_list_reaches_the_real_last_page(kaz, client_for, settings):
    settings.FACETS_EXACT_UP_TO = 100
    more_paragraphs(kaz[0], 8)
    real = Paragraph.objects.filter(state_code="XYZ").count()
    last = (real + 49) // 50
    client = client_for("viewer")
    final = client.get("/search/", {"state": "XYZ", "page": last}).content.decode()
    assert "about" in final and f"Page {last} of {last}<" in final and ">Next<" not in final
    before = client.get("/search/", {"state": "XYZ", "page": last - 1}).content.decode()
    assert ">Next<" in before
    shown = re.findall(r'href="(/paragraphs/\d+/)"', final)
    assert len(shown) == real - (last - 1) * 50
