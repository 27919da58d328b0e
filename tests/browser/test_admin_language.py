"""An English-speaking browser (Accept-Language: en) still reads the admin in Vietnamese: a dozen
admin screens of the browser province, as Chromium renders them (the sidebar and other text that
JavaScript draws included)."""

from __future__ import annotations

import pytest
from django_tenants.utils import tenant_context

from tests.admin_language import english_messages, is_english
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
    if (shown) texts.push(walker.currentNode.textContent);
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
