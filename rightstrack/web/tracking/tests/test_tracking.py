"""Status, conflicts, bulk assignment, publication, actions, evidence and indicators."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rightstrack.web.reviews.models import Paragraph
from rightstrack.web.tracking.models import Action, Evidence, IndicatorValue

pytestmark = pytest.mark.django_db


def _post_status(client, paragraph, status, version):
    return client.post(f"/tracking/paragraphs/{paragraph.pk}/",
                       {"status": status, "version": version, "lead_agency": paragraph.lead_agency_id or ""})


def test_second_editor_is_told_and_nothing_is_lost(sample, client_for):
    p1 = sample["p1"]
    opened = p1.version
    first = _post_status(client_for("coordinator"), p1, "in_progress", opened)
    assert first.status_code == 302
    second = _post_status(client_for("admin"), p1, "implemented", opened)  # opened before the first save
    assert second.status_code == 200
    page = second.content.decode()
    assert "changed by cora" in page and "not saved" in page
    assert 'value="implemented" selected' in page  # the second editor's choice is still in the form
    p1.refresh_from_db()
    assert p1.status == "in_progress"


def test_conflict_through_htmx_answers_409_with_the_form(sample, client_for):
    p1 = sample["p1"]
    client = client_for("coordinator")
    _post_status(client, p1, "in_progress", p1.version)
    response = client.post(f"/tracking/paragraphs/{p1.pk}/", {"status": "implemented", "version": p1.version},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 409
    assert "Current values" in response.content.decode()


def test_bad_status_value_is_shown_next_to_the_field_and_nothing_saved(sample, client_for):
    p1 = sample["p1"]
    response = _post_status(client_for("coordinator"), p1, "finished-ish", p1.version)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    p1.refresh_from_db()
    assert p1.status == "not_assessed" and p1.version == 1


def test_bulk_assignment_of_a_cluster(kaz, agencies, client_for):
    co, _ = kaz
    cluster = co.paragraphs.get(number="39").cluster
    response = client_for("coordinator").post(f"/tracking/documents/{co.pk}/assign/",
                                              {"lead_agency": agencies["MoE"].pk, "cluster": cluster,
                                               "only_unassigned": "on"})
    assert response.status_code == 302
    in_cluster = co.paragraphs.filter(cluster=cluster)
    assert in_cluster.count() > 1
    assert set(in_cluster.values_list("lead_agency", flat=True)) == {agencies["MoE"].pk}
    assert not co.paragraphs.exclude(cluster=cluster).filter(lead_agency__isnull=False).exists()


def test_publication_of_a_document(sample, client_for):
    response = client_for("coordinator").post(f"/tracking/documents/{sample['co'].pk}/publish/",
                                              {"published": "true"})
    assert response.status_code == 302
    assert sample["co"].paragraphs.filter(published=False).count() == 0


def test_action_with_end_before_start_is_refused_next_to_the_field(sample, client_for):
    p1 = sample["p1"]
    response = client_for("focal_point").post(f"/tracking/paragraphs/{p1.pk}/add/action/",
                                              {"title": "Training", "state": "planned", "start": "2024-05-01",
                                               "end": "2024-01-01"})
    assert response.status_code == 400
    assert "The end date is before the start date." in response.content.decode()
    assert not Action.objects.exists()


def test_evidence_needs_a_link_or_a_file_and_files_are_served_to_signed_in_users(sample, client_for):
    p1 = sample["p1"]
    client = client_for("focal_point")
    empty = client.post(f"/tracking/paragraphs/{p1.pk}/add/evidence/", {"title": "Decree"})
    assert empty.status_code == 400 and "Give a link or attach a file." in empty.content.decode()
    upload = SimpleUploadedFile("decree.pdf", b"%PDF-1.4 decree", content_type="application/pdf")
    added = client.post(f"/tracking/paragraphs/{p1.pk}/add/evidence/", {"title": "Decree", "file": upload})
    assert added.status_code == 302
    evidence = Evidence.objects.get()
    download = client_for("viewer").get(f"/tracking/evidence/{evidence.pk}/file/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 decree"
    assert client_for(None).get(f"/tracking/evidence/{evidence.pk}/file/").status_code == 302  # sign in first


def test_evidence_of_an_unexpected_type_is_refused(sample, client_for):
    upload = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    response = client_for("coordinator").post(f"/tracking/paragraphs/{sample['p1'].pk}/add/evidence/",
                                              {"title": "Tool", "file": upload})
    assert response.status_code == 400 and "Attach a document" in response.content.decode()
    assert not Evidence.objects.exists()


def test_indicator_values_over_time(sample, client_for):
    p1 = sample["p1"]
    client = client_for("coordinator")
    client.post(f"/tracking/paragraphs/{p1.pk}/add/indicator/", {"name": "Births registered", "unit": "%"})
    indicator = p1.indicators.get()
    for date, value in (("2020-12-31", "91.5"), ("2023-12-31", "97.2")):
        assert client.post(f"/tracking/paragraphs/{p1.pk}/add/value/",
                           {"indicator": indicator.pk, "date": date, "value": value}).status_code == 302
    assert [str(v.value.normalize()) for v in IndicatorValue.objects.order_by("date")] == ["91.5", "97.2"]
    page = client.get(f"/paragraphs/{p1.pk}/").content.decode()
    assert "Births registered" in page and "97.2" in page


def test_focal_point_cannot_reassign_through_the_form(sample, agencies, client_for):
    p1 = sample["p1"]
    response = client_for("focal_point").post(f"/tracking/paragraphs/{p1.pk}/", {
        "status": "in_progress", "version": p1.version, "lead_agency": agencies["MoH"].pk, "published": "on"})
    assert response.status_code == 302
    p1 = Paragraph.objects.get(pk=p1.pk)
    assert p1.status == "in_progress"
    assert p1.lead_agency == agencies["MoE"] and not p1.published  # fields outside the role are ignored
