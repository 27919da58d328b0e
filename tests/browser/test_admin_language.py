"""An English-speaking browser (Accept-Language: en) still reads the admin in Vietnamese: a dozen
admin screens of the browser province, as Chromium renders them (the sidebar and other text that
JavaScript draws included)."""

from __future__ import annotations

import pytest
from django_tenants.utils import tenant_context

from tests.admin_language import KEPT_AS_THEY_ARE, english_messages, internal_codes, is_english, problems_in
from tests.browser.admin_session import admin_context
from tests.browser.conftest import BROWSER_PROVINCE_CODE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Every text node under <body> that is rendered, and the attributes people read or hear.
VISIBLE_TEXT = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    const shown = parent && parent.closest('script, style, template, [hidden]') === null;
    // What people typed (the editor's content, form values) is not the interface.
    const typed = parent && parent.closest('[contenteditable=true], textarea, code, pre') !== null;
    // Rendered: not display:none (screen-reader-only text, clipped but rendered, counts).
    if (shown && !typed && parent.checkVisibility()) texts.push(walker.currentNode.textContent);
  }
  const named = document.querySelectorAll('[placeholder], [title], [aria-label], input[type=submit]');
  for (const element of named) {
    for (const name of ['placeholder', 'title', 'aria-label']) {
      if (element.getAttribute(name)) texts.push(element.getAttribute(name));
    }
    if (element.matches('input[type=submit]') && element.value) texts.push(element.value);
  }
  return texts.map(text => text.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}"""


def _admin_paths() -> list[str]:
    from tenant_apps.news.models import NewsIndexPage
    from tenants.models import Province

    with tenant_context(Province.objects.get(code=BROWSER_PROVINCE_CODE)):
        news = NewsIndexPage.objects.get().pk
        article = NewsIndexPage.objects.get().get_children().first().pk
    return [
        "/admin/",
        f"/admin/pages/{news}/",
        f"/admin/pages/add/news/newspage/{news}/",
        f"/admin/pages/{article}/edit/",
        f"/admin/pages/{article}/history/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/questions/",
        "/admin/service_requests/",
        "/admin/board_members/",
        "/admin/nhuan-but/",
        "/admin/users/",
        "/admin/reports/workflow/",
        "/admin/account/",
    ]


def test_a_dozen_admin_screens_are_vietnamese_for_an_english_browser(chromium, live_site, admin_state):
    english = english_messages()
    context = admin_context(chromium, admin_state, locale="en-US", extra_http_headers={"Accept-Language": "en"})
    found = {}
    for path in _admin_paths():
        page = context.new_page()
        response = page.goto(live_site.province_url(path), wait_until="networkidle")
        assert response.status == 200, path
        english_texts = sorted({text for text in page.evaluate(VISIBLE_TEXT) if is_english(text, english)})
        if english_texts:
            found[path] = english_texts
        page.close()
    context.close()
    assert found == {}


def _english_or_codes(texts: list[str], english, codes) -> list[str]:
    return sorted({text for text in texts if is_english(text, english) or problems_in(text, codes, KEPT_AS_THEY_ARE)})


def _read(read: dict[str, list[str]], screen: str, texts: list[str]) -> None:
    read[screen] = [" ".join(text.split()) for text in texts if text and text.strip()]


def test_what_javascript_draws_in_the_admin_is_vietnamese_for_an_english_browser(chromium, live_site, admin_state):
    """Text only Wagtail's JavaScript draws (its djangojs catalogue): the sidebar's page explorer, the rich
    text toolbar's buttons and tooltips and its '/' menu, the image chooser modal, the editor's checks panel."""
    english, codes = english_messages(), internal_codes()
    context = admin_context(chromium, admin_state, locale="en-US", extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    read = {}

    page.goto(live_site.province_url("/admin/"), wait_until="networkidle")
    page.locator("[data-wagtail-sidebar] button", has_text="Trang").first.click()
    page.locator(".c-page-explorer").wait_for()
    _read(read, "page explorer", page.evaluate(VISIBLE_TEXT))

    page.goto(live_site.province_url(_admin_paths()[3]), wait_until="networkidle")  # an article's editor
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    tooltips = """buttons => buttons.flatMap(b => [b.getAttribute('aria-label'), b.getAttribute('title'),
        b.getAttribute('data-draftail-balloon'), b.textContent])"""
    editor.click()
    page.keyboard.press("Control+A")  # a selection brings up the inline toolbar
    page.locator(".Draftail-ToolbarButton").first.wait_for()
    toolbar = page.eval_on_selector_all(".Draftail-ToolbarButton", tooltips)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.keyboard.type("/")  # the block menu
    page.locator(".Draftail-ComboBox, [role=listbox]").first.wait_for()
    menu = page.eval_on_selector_all(".Draftail-ComboBox [role=option], [role=listbox] [role=option]", tooltips)
    _read(read, "rich text toolbar", toolbar + menu + page.evaluate(VISIBLE_TEXT))
    page.keyboard.press("Escape")

    page.locator("[data-side-panel-toggle='checks']").first.click()
    page.locator("[data-side-panel='checks']").first.wait_for()
    page.wait_for_timeout(500)
    _read(read, "checks panel", page.evaluate(VISIBLE_TEXT))

    page.goto(live_site.province_url(_admin_paths()[2]), wait_until="networkidle")  # a new article: no image yet
    page.locator(".image-chooser [data-chooser-action-choose]").locator("visible=true").first.click()
    page.locator(".modal-dialog .modal-body form, .modal-dialog .modal-body .listing").first.wait_for()
    page.wait_for_load_state("networkidle")
    _read(read, "image chooser", page.evaluate(VISIBLE_TEXT))
    context.close()

    found = {screen: _english_or_codes(texts, english, codes) for screen, texts in read.items()}
    assert {screen: texts for screen, texts in found.items() if texts} == {}
    assert "Đậm" in " ".join(read["rich text toolbar"])  # the toolbar's buttons were read (Bold)
    assert "Tải lên" in " ".join(read["image chooser"])  # and the modal's tabs (Upload)
