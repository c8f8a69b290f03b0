"""The agency directory: what each agency leads and supports, and a clear error on a duplicate."""

from __future__ import annotations

import pytest

from rightstrack.web.agencies.models import Agency

pytestmark = pytest.mark.django_db


def test_agency_page_lists_what_it_leads_and_supports(sample, agencies, client_for):
    sample["p3"].supporting_agencies.add(agencies["MoE"])
    page = client_for("viewer").get(agencies["MoE"].get_absolute_url()).content.decode()
    lead = page[page.index("Lead on"):page.index("Supporting (")]
    assert sample["p1"].get_absolute_url() in lead and sample["p2"].get_absolute_url() not in lead
    assert sample["p3"].get_absolute_url() in page[page.index("Supporting ("):]


def test_list_counts_lead_paragraphs_and_filters_by_acronym(sample, agencies, client_for):
    page = client_for("viewer").get("/agencies/", {"q": "MoH"}).content.decode()
    assert "Ministry of Health" in page and "Ministry of Education" not in page


def test_duplicate_name_is_refused_next_to_the_field(agencies, client_for):
    response = client_for("coordinator").post("/agencies/add/", {"name": "Ministry of Health", "kind": "ministry"})
    assert response.status_code == 200
    assert "Agency with this Name already exists." in response.content.decode()
    assert Agency.objects.filter(name="Ministry of Health").count() == 1
