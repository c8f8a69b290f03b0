"""Browse, search with facets, the paragraph page and the import pages, as a user sees them."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rightstrack.web.conftest import CO, LOI
from rightstrack.web.reviews.models import Document, Paragraph

pytestmark = pytest.mark.django_db


def test_browse_state_cycle_document_paragraph(kaz, client_for):
    co, loi = kaz
    client = client_for("viewer")
    home = client.get("/").content.decode()
    assert 'href="/states/KAZ/"' in home and "Kazakhstan" in home
    state = client.get("/states/KAZ/").content.decode()
    assert co.get_absolute_url() in state and loi.get_absolute_url() in state
    document = client.get(co.get_absolute_url()).content.decode()
    para39 = co.paragraphs.get(number="39")
    assert para39.cluster in document and para39.get_absolute_url() in document
    assert "2021-09-10" in document  # deadline of the next report, para. 68


def test_paragraph_page_shows_sub_points_and_the_follow_up_chain(kaz, client_for):
    co, loi = kaz
    q8 = loi.paragraphs.get(number="8")
    page = client_for("viewer").get(q8.get_absolute_url()).content.decode()
    assert "(d)</strong> To investigate the cases of the sale of children" in page
    chain = page[page.index("Follow-up across cycles"):page.index("This paragraph follows up")]
    assert chain.index("2015") < chain.index("2025")
    assert co.paragraphs.get(number="39").get_absolute_url() in chain


def test_document_text_is_escaped(sample, client_for):
    page = client_for("viewer").get(sample["p1"].get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_search_finds_words_and_counts_facets(kaz, client_for):
    client = client_for("viewer")
    page = client.get("/search/", {"q": "intercountry adoption"}).content.decode()
    assert kaz[0].paragraphs.get(number="39").get_absolute_url() in page
    total = int(re.search(r"<strong>(\d+)</strong> paragraphs", page).group(1))
    expected = sum("intercountry" in p.full_text.lower() and "adoption" in p.full_text.lower()
                   for p in Paragraph.objects.all())
    assert total == expected
    kinds = client.get("/search/", {"kind": "request_for_information"}).content.decode()
    assert re.search(r"<strong>(\d+)</strong> paragraphs", kinds).group(1) == \
        str(Paragraph.objects.filter(kind="request_for_information").count())


def test_facet_counts_match_the_filtered_results(kaz, client_for):
    client = client_for("viewer")
    page = client.get("/search/", {"q": "children"}).content.decode()
    facet = re.search(r'name="kind" value="recommendation"> <span>Recommendation</span> <span class="count">(\d+)',
                      page)
    filtered = client.get("/search/", {"q": "children", "kind": "recommendation"}).content.decode()
    assert facet.group(1) == re.search(r"<strong>(\d+)</strong> paragraphs", filtered).group(1)


def test_tag_facets_filter_by_article(kaz, client_for):
    client = client_for("viewer")
    page = client.get("/search/", {"article": "21"}).content.decode()
    expected = Paragraph.objects.filter(tags__vocabulary="article", tags__value="21").distinct().count()
    assert expected > 0
    assert re.search(r"<strong>(\d+)</strong> paragraphs", page).group(1) == str(expected)
    assert 'name="article" value="21" checked' in page


def test_search_answers_htmx_with_the_results_only(kaz, client_for):
    response = client_for("viewer").get("/search/", {"q": "children"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.content.decode() and "paragraphs" in response.content.decode()


def test_search_with_odd_characters_does_not_fail(kaz, client_for):
    for query in ['"unclosed', "AND OR NOT", "*", "child*", "ребёнок", "niños'; DROP TABLE x;--"]:
        assert client_for("viewer").get("/search/", {"q": query}).status_code == 200


def test_upload_preview_then_save(db, users, client_for):
    client = client_for("coordinator")
    response = client.post("/import/", {"file": SimpleUploadedFile(LOI.name, LOI.read_bytes())})
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "CRC/C/KAZ/Q/5-6" in preview and "symbol not printed; inferred as CRC/C/KAZ/Q/5-6" in preview
    assert not Document.objects.exists()  # nothing saved before the user says so
    saved = client.post(response["Location"])
    document = Document.objects.get()
    assert saved["Location"] == document.get_absolute_url()
    assert document.paragraphs.count() == 23


def test_uploading_the_same_file_again_says_nothing_to_save(kaz, client_for):
    client = client_for("coordinator")
    response = client.post("/import/", {"file": SimpleUploadedFile(CO.name, CO.read_bytes())})
    preview = client.get(response["Location"]).content.decode()
    assert "Nothing to save" in preview and "<button type=\"submit\">Save" not in preview


def test_uploading_a_new_version_shows_what_changed(kaz, client_for):
    text = CO.read_text(encoding="utf-8").replace("lift the secrecy of adoption", "end secret adoptions")
    client = client_for("coordinator")
    response = client.post("/import/", {"file": SimpleUploadedFile(CO.name, text.encode())})
    preview = client.get(response["Location"]).content.decode()
    assert "Changes from the stored version (1)" in preview and "Paragraph 39: changed" in preview
    assert "<ins>" in preview and "end secret adoptions" in preview


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "The submitted file is empty."),
    ("virus.exe", b"MZ\x90\x00", "Give a .docx, .pdf, .html, .txt or .md file."),
    ("shopping.txt", b"1. Milk\n2. Bread\n", "not a UN treaty-body or UPR document"),
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "broken.pdf: damaged or not a PDF"),
])
def test_bad_upload_is_explained_next_to_the_field_and_nothing_saved(db, users, client_for, name, data, message):
    response = client_for("coordinator").post("/import/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    page = response.content.decode()
    field = page[page.index('for="id_file"'):page.index('for="id_symbol"')]  # the error sits by the file field
    errors = re.search(r'<ul class="errorlist" role="alert">(.*?)</ul>', field, re.S).group(1)
    assert message in errors
    assert "Traceback" not in page
    assert not Document.objects.exists()


def test_chain_goes_back_and_forward_without_fanning_out(sample, client_for):
    """2015 recommendation <- 2025 question; the question also follows up another paragraph,
    which is not part of the 2015 recommendation's chain."""
    from rightstrack.web.reviews.followup import chain
    from rightstrack.web.reviews.models import Link

    Link.objects.create(source=sample["q1"], target=sample["p2"], origin="linking", score=0.5)
    steps = chain(sample["p1"], Paragraph.objects.all())
    assert [s.paragraph for s in steps] == [sample["p1"], sample["q1"]]
    assert [s.paragraph for s in chain(sample["q1"], Paragraph.objects.all())] == \
        [sample["p1"], sample["p2"], sample["q1"]]


def test_confirm_a_documents_links_above_a_score(sample, client_for):
    from rightstrack.web.core.models import ObjectChange
    from rightstrack.web.reviews.models import Link

    weak = Link.objects.create(source=sample["q1"], target=sample["p3"], origin="linking", score=0.3)
    client = client_for("coordinator")
    assert "2 links to earlier cycles are waiting" in client.get(sample["loi"].get_absolute_url()).content.decode()
    client.post(f"/documents/{sample['loi'].pk}/links/confirm/", {"threshold": "0.5"})
    assert Link.objects.get(pk=sample["link"].pk).decision == "confirmed"
    assert Link.objects.get(pk=weak.pk).decision == "proposed"
    assert ObjectChange.objects.filter(paragraph_id=sample["q1"].pk, message__contains="0.5 or more").count() == 1
    bad = client.post(f"/documents/{sample['loi'].pk}/links/confirm/", {"threshold": "high"}, follow=True)
    assert "Give a score between 0 and 1." in bad.content.decode()
