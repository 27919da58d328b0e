"""Accessibility errors (axe-core, WCAG 2.1 A/AA) on a sample of the current province's pages.

The pages are rendered in-process first (`site_reader.fetch`, inside the province's schema);
then headless Chromium opens each from that HTML, with the theme's static files read from disk
and nothing fetched from the network, and axe-core (shipped by axe-playwright-python) reports
what fails. Playwright's sync API runs an event loop in this thread, where Django refuses
database calls: nothing inside the browser block touches the database.

Runs only where settings.COMPLIANCE_CHROMIUM names a Chromium binary (off by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage
from tenant_apps.procedures.models import ProcedurePage
from tenants.schemas import current_province

from .site_reader import FetchedPage, fetch

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SECTION_PATHS = ("/", "/gioi-thieu/", "/tin-tuc/", "/van-ban/", "/thu-tuc-hanh-chinh/", "/lien-he/")
ARTICLE_MODELS = (NewsPage, LegalDocumentPage, ProcedurePage)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


@dataclass(frozen=True)
class PageAudit:
    path: str
    errors: int  # elements that fail, over every rule
    rules: list[str]  # the axe rule ids that fail


def sample_paths() -> list[str]:
    """The main sections and the newest article of each kind."""
    paths = list(SECTION_PATHS)
    for model in ARTICLE_MODELS:
        page = model.objects.live().public().order_by("-first_published_at").first()
        if page is not None and page.get_url_parts():
            paths.append(page.get_url_parts()[2])
    return paths


def audit_pages(paths: list[str]) -> list[PageAudit] | None:
    """Each page's axe-core violations; None when no browser is configured."""
    if not settings.COMPLIANCE_CHROMIUM:
        return None
    from playwright.sync_api import sync_playwright

    pages = [page for page in (fetch(path) for path in paths) if page.status == 200]
    host = current_province().get_primary_domain().domain
    axe_source = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    audits = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=settings.COMPLIANCE_CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            for page in pages:
                # axe-core goes in as an inline script, which the site's CSP refuses.
                context = browser.new_context(bypass_csp=True, locale="vi-VN")
                try:
                    tab = context.new_page()
                    tab.route("**/*", _server(page))
                    tab.goto(f"http://{host}{page.path}", wait_until="load")
                    tab.add_script_tag(content=axe_source)
                    violations = tab.evaluate(
                        "options => axe.run(document, options)",
                        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
                    )["violations"]
                finally:
                    context.close()
                audits.append(
                    PageAudit(
                        page.path,
                        sum(len(violation["nodes"]) for violation in violations),
                        sorted(violation["id"] for violation in violations),
                    )
                )
        finally:
            browser.close()
    return audits


def _server(page: FetchedPage):
    """A route handler answering the page itself from its rendered HTML, static files from disk, nothing else."""

    def serve(route) -> None:  # one parameter: Playwright passes the request too to a handler that takes two
        path = urlsplit(route.request.url).path
        if path == page.path:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page.html)
            return
        static = path.startswith(settings.STATIC_URL)
        found = finders.find(path.removeprefix(settings.STATIC_URL)) if static else None
        if found:
            route.fulfill(path=found)
        else:
            route.fulfill(status=404, body="")

    return serve
