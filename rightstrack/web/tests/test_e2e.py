"""End to end, in Debian's headless chromium: what a coordinator does on the first day.

Sign in, import the two Kazakhstan documents through the upload page, assign paragraph
39 to a ministry and change its status (an htmx save, no page reload), see both in the
history, publish it, and find it on the public portal once signed out.
"""

from __future__ import annotations

import os
import shutil

import pytest

from rightstrack.web.conftest import CO, LOI, PASSWORD, make_user

CHROMIUM = os.environ.get("RIGHTSTRACK_CHROMIUM", "/usr/bin/chromium")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no chromium at {CHROMIUM}: `make test` installs "
                       "Debian's chromium (apt-get install chromium)"),
]


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own database calls
    # are synchronous and made before or between browser steps.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def _import(page, base, path):
    page.goto(f"{base}/import/")
    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="Read the document").click()
    page.wait_for_selector("text=Check before saving")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector("text=imported:")


@pytest.mark.django_db(transaction=True)
def test_coordinator_first_day(live_server, browser):
    from rightstrack.web.agencies.models import Agency
    from rightstrack.web.reviews.models import Paragraph

    make_user("cora", "coordinator")
    ministry = Agency.objects.create(name="Ministry of Education", acronym="MoE")
    base = live_server.url
    page = browser.new_page(viewport={"width": 1100, "height": 900})

    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "cora")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("text=States and their reviews")

    _import(page, base, CO)
    _import(page, base, LOI)
    assert page.locator("h1").inner_text().startswith("CRC/C/KAZ/Q/5-6")

    page.goto(f"{base}/search/?q=adoption")
    page.evaluate("window.notReloaded = true")
    before = page.locator("#results p strong").first.inner_text()
    page.get_by_label("Recommendation").check()  # a facet: results change in place
    page.wait_for_url("**kind=recommendation**")
    page.wait_for_function(f"document.querySelector('#results p strong').textContent !== '{before}'")
    assert page.evaluate("window.notReloaded") is True
    assert page.get_by_label("Recommendation").is_checked()

    para39 = Paragraph.objects.get(document__symbol="CRC/C/KAZ/CO/4", number="39")
    page.goto(f"{base}/paragraphs/{para39.pk}/")
    assert "CRC/C/KAZ/Q/5-6 question 8" in page.locator("#h-chain + ol").inner_text()
    page.evaluate("window.notReloaded = true")
    page.select_option("#id_lead_agency", str(ministry.pk))
    page.select_option("#id_status", "in_progress")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector("#tracking-form >> text=Saved.")
    assert page.evaluate("window.notReloaded") is True  # saved through htmx, page kept

    page.get_by_role("link", name="History of changes").click()
    history = page.locator("main").inner_text()
    assert "cora" in history and "in_progress" in history and "lead_agency" in history

    page.goto(f"{base}/paragraphs/{para39.pk}/")
    page.check("#id_published")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector("#tracking-form >> text=Saved.")
    page.get_by_role("button", name="Sign out (cora)").click()

    page.goto(f"{base}/portal/")
    page.get_by_role("link", name="Kazakhstan").click()
    row = page.locator("tr", has_text="CRC/C/KAZ/CO/4 para. 39")
    assert "In progress" in row.inner_text() and "Ministry of Education" in row.inner_text()
    assert page.locator("tr", has_text="para. 40").count() == 0  # not published
    row.get_by_role("link").click()
    assert "sale of children" in page.locator("main").inner_text()


@pytest.mark.django_db(transaction=True)
def test_narrow_screen_and_keyboard(live_server, browser, kaz):
    """On a 360-pixel phone nothing scrolls sideways; the first Tab reaches "Skip to content";
    signing in works from the keyboard alone."""
    make_user("victor", "viewer")
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}/portal/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert page.locator(".skip").bounding_box()["x"] >= 0  # visible once focused
    page.goto(f"{live_server.url}/accounts/login/")  # the user name field has the focus
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_username'")
    page.keyboard.type("victor")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("text=States and their reviews")
    co, loi = kaz
    for path in ("/", "/search/?q=children", co.get_absolute_url(),
                 loi.paragraphs.get(number="8").get_absolute_url(), "/portal/"):
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a narrow screen"
