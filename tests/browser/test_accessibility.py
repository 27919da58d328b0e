"""The public pages in a real browser: WCAG 2.1 A/AA (axe-core), a phone's width, no JavaScript.

Each page is loaded at 360 px (a small phone) and 1280 px (a laptop); a full-page screenshot
goes to data/screenshots/ for a person to look at. To cover a new section, add its paths to
PROVINCE_PATHS (they are opened on the browser province, Huế) or CENTRAL_PATHS.
"""

from __future__ import annotations

import re

import pytest

# django_db: pytest-django creates the test database only when a selected test asks for it, and
# these tests reach it through the server; without the mark `pytest -m browser` would onboard
# the browser province into the development database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Paths opened on the province host (hue.localhost); extend this list with each new section.
PROVINCE_PATHS = [
    "/",
    "/gioi-thieu/",
    "/gioi-thieu/introduction/",
    "/tin-tuc/",
    "/tin-tuc/chuyen-muc/tin-dia-phuong/",
    "/tin-tuc/nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024/",
    "/van-ban/",
    "/van-ban/?doc_type=luat&sort=cu-nhat",
    "/van-ban/?year=abc",  # a bad filter: the form shows the error
    "/van-ban/luat-41-2024-qh15/",
    "/thu-tuc-hanh-chinh/",
    "/thu-tuc-hanh-chinh/dang-ky-tham-gia-bao-hiem-xa-hoi-tu-nguyen/",
    "/dich-vu-cong/",
    "/he-thong-co-quan/",
    "/he-thong-co-quan/?xa=hai+chau",
    "/lien-he/",
    "/hoi-dap/",
    "/hoi-dap/gui-cau-hoi/",
    "/hoi-dap/tra-cuu/",
    "/lay-y-kien-du-thao/",
    "/tra-cuu-the-bhyt/",
    "/tra-cuu-dich-vu-cong/",
    "/dich-vu-cong/dang-ky-tham-gia-bhyt-ho-gia-dinh/",
    "/tiep-can-thong-tin/",
    "/tro-giup/",
    "/so-do-cong/",
    "/tim-kiem/?q=bao+hiem+y+te",
    "/khong-ton-tai/",  # the theme's 404 page
]
# Paths opened on the central host (localhost).
CENTRAL_PATHS = ["/", "/lien-he/", "/tro-giup/", "/so-do-cong/", "/gioi-thieu/introduction/"]
# Every path must answer 200 (after redirects) except these, which must answer 404: a
# mistyped path must not quietly test the 404 page instead of the section.
NOT_FOUND_PATHS = {"/khong-ton-tai/"}

VIEWPORTS = {360: 740, 1280: 800}  # width: height
PHONE_WIDTH = 360
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PAGES = [("province", path) for path in PROVINCE_PATHS] + [("central", path) for path in CENTRAL_PATHS]


def _page_id(page: tuple[str, str]) -> str:
    site, path = page
    return f"{site}:{path}"


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("site_and_path", PAGES, ids=_page_id)
def test_page_meets_wcag_21_aa_and_fits_the_screen(
    site_and_path, width, chromium, live_site, axe_source, screenshot_dir
):
    site, path = site_and_path
    url = live_site.province_url(path) if site == "province" else live_site.central_url(path)
    # axe-core goes in as an inline script, which the site's CSP refuses (tests/browser/test_csp.py checks the CSP).
    context = chromium.new_context(
        viewport={"width": width, "height": VIEWPORTS[width]}, locale="vi-VN", bypass_csp=True
    )
    try:
        page = context.new_page()
        failed_resources: list[str] = []

        def note_failed_resource(response):
            if response.status >= 400 and response.request.resource_type != "document":
                failed_resources.append(f"{response.status} {response.url}")

        page.on("response", note_failed_resource)
        response = page.goto(url, wait_until="load")
        expected_status = 404 if path in NOT_FOUND_PATHS else 200
        assert response is not None and response.status == expected_status, (
            f"{url} answered {response and response.status}, expected {expected_status}"
        )
        page.screenshot(path=screenshot_dir / _screenshot_name(site, path, width), full_page=True)

        problems = [f"{url} could not load {resource}" for resource in failed_resources]
        if width == PHONE_WIDTH:
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > PHONE_WIDTH + 1:
                problems.append(
                    f"{url} scrolls sideways at {PHONE_WIDTH} px: the page is {scroll_width} px wide"
                    f"{_widest_elements(page)}"
                )
        violations = run_axe(page, axe_source)
        if violations:
            problems.append(format_violations(url, width, violations))
        if problems:
            pytest.fail("\n".join(problems), pytrace=False)
    finally:
        context.close()


def test_the_province_home_works_without_javascript(chromium, live_site, screenshot_dir):
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": PHONE_WIDTH, "height": VIEWPORTS[PHONE_WIDTH]}
    )
    try:
        page = context.new_page()
        response = page.goto(live_site.province_url("/"))
        assert response is not None and response.status == 200
        heading = page.get_by_role("heading", level=1)
        assert heading.inner_text().strip() == live_site.office_name
        assert page.get_by_role("link", name="Bỏ qua, đến nội dung chính").count() == 1
        assert page.get_by_role("navigation", name="Điều hướng chính").is_visible()
        page.screenshot(path=screenshot_dir / "province-home-360-no-js.png", full_page=True)
    finally:
        context.close()


def test_the_axe_check_reports_violations(chromium, live_site, axe_source):
    """A control for the harness itself: a page with known faults must not pass."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.set_content(
            "<html><head><title>Thử</title></head><body><main>"
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            '<p style="color:#bbb;background:#fff">Chữ mờ khó đọc</p></main></body></html>'
        )
        violations = run_axe(page, axe_source)
    finally:
        context.close()

    assert {"html-has-lang", "image-alt", "color-contrast"} <= {violation["id"] for violation in violations}
    report = format_violations("about:blank", 1280, violations)
    assert "- image-alt [critical]" in report and "    img:" in report


# --- Helpers ----------------------------------------------------------------------------


def run_axe(page, axe_source: str) -> list[dict]:
    """Inject axe-core into the page and return its WCAG 2.1 A/AA violations."""
    page.add_script_tag(content=axe_source)
    results = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    return results["violations"]


def format_violations(url: str, width: int, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} WCAG 2.1 A/AA violation(s) on {url} at {width} px:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation.get('impact') or 'n/a'}] {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {summary}" if summary else f"    {target}")
    return "\n".join(lines)


# The elements whose right edge passes a limit, as "tag.class (right edge N px)".
ELEMENTS_PAST_JS = """limit => [...document.querySelectorAll('body *')]
    .map(element => [element, Math.round(element.getBoundingClientRect().right)])
    .filter(([element, right]) => right > limit)
    .slice(0, 5)
    .map(([element, right]) => {
        const classes = String(element.getAttribute('class') || '').trim().split(/\\s+/).filter(Boolean);
        return `${[element.tagName.toLowerCase(), ...classes].join('.')} (right edge ${right} px)`;
    })"""


def _widest_elements(page) -> str:
    """The elements that stick out past the viewport, to say what makes a page scroll sideways."""
    culprits = page.evaluate(ELEMENTS_PAST_JS, PHONE_WIDTH + 1)
    return "; too wide: " + ", ".join(culprits) if culprits else ""


def _screenshot_name(site: str, path: str, width: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
    return f"{site}-{slug}-{width}.png"
