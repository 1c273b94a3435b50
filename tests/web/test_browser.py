"""The clerk's page in a real browser: Debian's headless Chromium driven by Playwright.

Screenshots go to test-output/screenshots/. Skipped (with the reason) where
/usr/bin/chromium is absent; CI installs it with scripts/install_browser.sh.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import shared_path
from tests.web.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for this module (never downloaded: Debian's package)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium: run `bash scripts/install_browser.sh` (CI does)")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_server):
    """Open a fresh page; returns (page, dialogs fired). Dialogs are dismissed and recorded."""
    contexts = []

    def open_(*, width=1280, height=900, scale=1):
        context = browser.new_context(base_url=live_server, viewport={"width": width, "height": height},
                                      device_scale_factor=scale)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith((live_server, "data:")) else outside.append(r.url))
        page.outside_requests = outside
        return page, dialogs

    yield open_
    for context in contexts:
        context.close()


def _paste(page, recommendation, response, *, official_status="", jurisdiction=""):
    page.goto("/")
    page.get_by_label("Recommendation").fill(recommendation)
    page.get_by_label("Response", exact=True).fill(response)
    if official_status or jurisdiction:
        page.get_by_text("More about the response").click()
        page.get_by_label("Official status").fill(official_status)
        page.locator("#jurisdiction").fill(jurisdiction)
    page.get_by_role("button", name="Check response").click()
    page.wait_for_selector("#summary-heading")


def test_pasted_seed_record_shows_the_plan_pending_card(open_page, seed):
    page, dialogs = open_page()
    page.goto("/")
    page.screenshot(path=str(SCREENSHOTS / "clerk-form.png"), full_page=True)
    _paste(page, seed["recommendation"], seed["response"], official_status=seed["official_status"],
           jurisdiction=seed["jurisdiction"])
    card = page.locator('li.gap[data-kind="plan_pending"]')
    assert card.is_visible()
    assert card.get_by_role("heading").inner_text().startswith("Plan still pending")
    assert "plan" in card.locator(".gap-message").inner_text().lower()
    assert page.locator("#stance").inner_text() == "Accepted"
    assert "disagrees with the text" in page.locator("#stance-mismatch").inner_text()
    # each ask: a coloured card with its label in words; its evidence highlighted in the response
    badges = page.locator(".ask-card .label-badge").all_inner_texts()
    assert badges and all(re.fullmatch(r". (Addressed|Partial|Unaddressed|Rejected)", b) for b in badges)
    assert page.locator("#response-body mark.ev").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "clerk-result.png"), full_page=True)
    assert not dialogs and not page.outside_requests


def test_normalised_values_show_on_keyboard_focus_and_hover(open_page, seed):
    page, _ = open_page()
    _paste(page, seed["recommendation"], seed["response"])
    amount = page.locator("#response-body mark.f-amount").first
    tip = amount.locator(".tip")
    assert not tip.is_visible()
    # reach it with the keyboard: Tab from the focusable highlight before it (document order is tab order)
    focusable = page.locator("#response-body mark[tabindex='0']")
    index = page.evaluate("() => [...document.querySelectorAll(\"#response-body mark[tabindex='0']\")]"
                          ".indexOf(document.querySelector('#response-body mark.f-amount'))")
    assert index >= 1
    focusable.nth(index - 1).focus()
    page.keyboard.press("Tab")
    assert amount.evaluate("el => el === document.activeElement")
    assert tip.is_visible() and "GBP 1,000,000,000" in tip.inner_text()
    assert page.get_attribute("#response-body mark.f-amount", "aria-describedby") == tip.get_attribute("id")
    page.locator("#response-text").screenshot(path=str(SCREENSHOTS / "clerk-focus.png"))
    page.locator("h1").click()
    assert not tip.is_visible()
    date = page.locator("#response-body mark.f-date", has_text="December 2023")
    date.hover()
    assert date.locator(".tip").is_visible() and "2023-12" in date.locator(".tip").inner_text()


def test_copy_button_puts_the_clerk_message_on_the_clipboard(open_page, seed):
    page, _ = open_page()
    _paste(page, seed["recommendation"], seed["response"])
    card = page.locator('li.gap[data-kind="plan_pending"]')
    message = card.locator(".gap-message").inner_text()
    card.get_by_role("button", name=re.compile("Copy message")).click()
    from playwright.sync_api import expect

    expect(card.locator(".copy-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == message


def test_uploaded_pdf_pick_recommendation_3(open_page):
    path = shared_path("documents", "uk-dhsc-rapid-review-response-2024.pdf")
    page, dialogs = open_page()
    page.goto("/")
    page.locator("input#document").set_input_files(str(path))
    page.get_by_role("button", name="Read document").click()
    page.wait_for_selector("text=Recommendations found in")
    assert path.name in page.locator("h1").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "clerk-pick.png"))
    page.get_by_role("radio", name=re.compile(r"^Recommendation 3\b")).check()
    page.get_by_role("button", name="Check this recommendation").click()
    page.wait_for_selector("#summary-heading")
    assert page.locator("h1").inner_text().endswith("rec3")
    assert "recommendation 3" in page.locator(".source-line").inner_text()
    assert page.locator(".ask-card").count() >= 1
    # the ask markers ("ask 1") sit inside the text, so look for the words, not the first characters
    assert "ICSs and provider collaboratives should" in page.locator("#recommendation-body").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "clerk-pdf-rec3.png"), full_page=True)
    page.get_by_role("link", name="Pick another recommendation").click()
    page.wait_for_selector("text=Recommendations found in")
    assert not dialogs


def test_script_in_the_response_renders_as_text(open_page):
    page, dialogs = open_page()
    hostile = "The Government agrees <script>alert(1)</script> and will act <img src=x onerror=alert(2)> by 2026."
    _paste(page, "The Government should publish a plan <script>alert(3)</script>.", hostile,
           official_status="<b>Agreed</b>")
    assert "<script>alert(1)</script>" in page.locator("#response-body").inner_text()
    assert "<img src=x onerror=alert(2)>" in page.locator("#response-body").inner_text()
    assert "<b>Agreed</b>" in page.locator(".facts").inner_text()
    assert page.locator("main script, main img").count() == 0
    page.locator("#response-text").screenshot(path=str(SCREENSHOTS / "clerk-script.png"))
    page.get_by_role("link", name="Edit and check again").click()
    page.wait_for_selector("#recommendation")
    assert page.locator("#response").input_value() == hostile
    page.wait_for_timeout(300)
    assert dialogs == []


def test_readable_at_200_percent_zoom(open_page, seed):
    # 200 % zoom of a 1280 px window: a 640 CSS-pixel viewport at twice the pixel density.
    page, _ = open_page(width=640, height=450, scale=2)
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    _paste(page, seed["recommendation"], seed["response"], official_status="Acknowledged")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    page.screenshot(path=str(SCREENSHOTS / "clerk-zoom200.png"))
