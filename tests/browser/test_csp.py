"""The Content-Security-Policy in a real browser: the key public pages (captcha, share links,
text size, print view) load with no violation, and XSS payloads in their inputs open no dialog."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PROVINCE_PATHS = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024/",
    "/tin-tuc/nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024/?ban-in=1",
    "/van-ban/",
    "/van-ban/luat-41-2024-qh15/",
    "/hoi-dap/gui-cau-hoi/",
    "/lien-he/",
    "/lay-y-kien-du-thao/",
    "/tra-cuu-the-bhyt/",
    "/tra-cuu-dich-vu-cong/",
    "/dich-vu-cong/dang-ky-tham-gia-bhyt-ho-gia-dinh/",
    "/he-thong-co-quan/",
    "/tim-kiem/?q=bao+hiem+y+te",
    "/khong-ton-tai/",
]

# Every `securitypolicyviolation` event of the page, recorded before any of its own code runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""


def _open(context, url: str):
    """The page at `url`, and the CSP violations it reported (events and console)."""
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    response = page.goto(url, wait_until="load")
    violations = page.evaluate("window.__cspViolations") + [
        text for text in console if "Content Security Policy" in text
    ]
    return page, response, violations


@pytest.fixture
def browser_context(chromium):
    context = chromium.new_context(locale="vi-VN")
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


def test_key_public_pages_report_no_csp_violation(browser_context, live_site):
    urls = [live_site.province_url(path) for path in PROVINCE_PATHS] + [live_site.central_url("/")]
    problems = []
    for url in urls:
        page, response, violations = _open(browser_context, url)
        assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
        problems += [f"{url}: {violation}" for violation in violations]
        page.close()

    assert not problems, "\n".join(problems)


def test_captcha_text_size_print_and_share_work_under_the_policy(browser_context, live_site):
    page, _, violations = _open(browser_context, live_site.province_url("/hoi-dap/gui-cau-hoi/"))
    assert page.eval_on_selector("img.captcha", "image => image.complete && image.naturalWidth > 0")

    page.get_by_role("link", name="Chữ lớn").click()
    page.wait_for_load_state("load")
    assert "co-chu-lon" in page.get_attribute("body", "class")

    page.goto(live_site.province_url("/tin-tuc/nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024/"))
    assert page.get_by_role("link", name="Chia sẻ Facebook").count() == 1
    page.get_by_role("link", name="In bài viết").click()
    page.wait_for_load_state("load")
    assert "print-mode" in page.get_attribute("body", "class")
    violations += page.evaluate("window.__cspViolations")

    assert not violations, violations


XSS_PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "'><details open ontoggle=alert(1)>",
    "</textarea><script>alert(1)</script>",
]


REFLECTED = [("/tim-kiem/", "q"), ("/van-ban/", "q"), ("/hoi-dap/", "q"), ("/he-thong-co-quan/", "xa")]


def test_xss_payloads_in_search_filters_and_forms_open_no_dialog(browser_context, live_site):
    dialogs: list[str] = []

    def watch(page):
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    browser_context.on("page", watch)
    for payload in XSS_PAYLOADS:
        for path, parameter in REFLECTED:
            page, _, _ = _open(browser_context, live_site.province_url(f"{path}?{urlencode({parameter: payload})}"))
            page.close()
        page, _, _ = _open(browser_context, live_site.province_url("/lien-he/"))
        for field in ("name", "subject", "message"):
            page.fill(f"[name={field}]", payload)
        page.fill("[name=email]", "dan@example.vn")
        page.fill("[name=captcha_1]", "SAI")
        page.get_by_role("button", name="Gửi").click()
        page.wait_for_load_state("load")
        assert page.input_value("[name=subject]") == payload  # shown again, as text
        page.close()

    assert not dialogs, dialogs


def test_the_recorder_reports_a_violation_when_there_is_one(browser_context, live_site):
    """A control for the harness: an inline script added to a page is blocked and reported."""
    page, _, _ = _open(browser_context, live_site.province_url("/lien-he/"))
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\\'window.ran = 1\\'>')")
    # A function, compiled once: a string predicate is eval()ed on every poll, which this very CSP forbids.
    page.wait_for_function("() => window.__cspViolations.length > 0")

    assert page.evaluate("window.ran") is None
    assert any(violation.startswith("script-src") for violation in page.evaluate("window.__cspViolations"))
