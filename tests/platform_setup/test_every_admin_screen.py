"""Every admin screen a person can reach reads Vietnamese for an English browser (issue 16).

The screens come from the URL conf, not from a list: every admin GET address without an object id,
then, one per address shape, every admin address those screens link to (the add, edit, detail,
history, usage and delete-confirmation screens of one object per listing), then the big listings
with a page number, a search and a sort. Each is rendered as a province's superuser on the province's
host and as the central office's superuser on the central host, with `Accept-Language: en-US,en`.
What a person reads (tests/admin_language.py: text nodes, the window title, title, aria-label,
placeholder and alt attributes, options, button values, the sidebar's labels) fails when it holds an
English interface word or message, an internal code (snake_case, a raw choice value, a model or app
label) or a date not written dd/mm/yyyy. Chooser modals answer JSON with their HTML inside: read too.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection

from shared_apps.newsroom.services.sections import ensure_newsroom_sections
from shared_apps.operations.models import MaintenanceWindow
from tenant_apps.consultation.models import DraftComment, DraftConsultationPage
from tenant_apps.contact.models import ContactMessage, ContactPage
from tenant_apps.demo.content import fill_province
from tenant_apps.news.models import NewsIndexPage
from tenant_apps.online_services.models import ServiceRequestPage
from tests.admin_language import (
    KEPT_AS_THEY_ARE,
    VisibleText,
    english_messages,
    internal_codes,
    is_english,
    problems_in,
)
from tests.factories import (
    BestBetFactory,
    NationalNewsPageFactory,
    NewsPageFactory,
    ProvinceGroupFactory,
    ServiceRequestFactory,
    SynonymGroupFactory,
    UserFactory,
)
from tests.factories.pages import open_draft

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en"}

# Addresses that are not screens: sign-out, the JavaScript catalogue and icon sprite, JSON APIs and
# autocompletes, downloads and exports, Wagtail's deliberate error pages, POST-only endpoints.
NOT_SCREENS = re.compile(
    r"^/admin/(logout|jsi18n|sprite|api|test404|failwhale|dismissibles|block-preview|tag-autocomplete)/"
    r"|/(xlsx|csv|export|download|tai-ve|xuat)/|[?&](export|xuat)=|/preview/|/chosen(-multiple)?/"
    r"|^/admin/(login|password_reset)/"  # signed-out screens: tests/platform_setup/test_admin_language.py
    r"|/(workflow/(action|collect_action_data)|revisions/\d+/view|lock|unlock|convert_alias)/"
)
PER_SHAPE = 1  # one object per address shape (digits replaced): one edit form per model, one history …


def _no_argument_routes(resolver: URLResolver, prefix: str) -> list[str]:
    """Every admin address in the URL conf that needs no argument (no converter, no regex group)."""
    found = []
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        if isinstance(pattern, RoutePattern):
            route, fixed = str(pattern), not pattern.converters
        else:
            route = pattern._regex.lstrip("^").rstrip("$").replace(r"\Z", "")
            fixed = not re.search(r"[()\[\]\\+*?{}|]", route)
        if not fixed:
            continue
        if isinstance(entry, URLResolver):
            found += _no_argument_routes(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            found.append(prefix + route)
    return found


def admin_addresses_without_ids() -> list[str]:
    admin = next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and str(entry.pattern) == "admin/"
    )
    return sorted({path for path in _no_argument_routes(admin, "/admin/") if not NOT_SCREENS.search(path)})


def _shape(path: str) -> str:
    parts = urlsplit(path)
    return re.sub(r"\d+", "<n>", parts.path) + ("?" if parts.query else "")


@dataclass
class Walk:
    """What one superuser read on every screen reached: findings per address, statuses, count."""

    browser: Client
    english: tuple
    codes: tuple
    findings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    visited: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    listings_with_rows: set[str] = field(default_factory=set)
    statuses: dict[str, int] = field(default_factory=dict)

    def read(self, path: str) -> int:
        try:
            response = self.browser.get(path, follow=True, **ENGLISH_BROWSER)  # settings menus redirect to a site
        except Exception as error:  # a crash is a finding too, with its address
            raise AssertionError(f"GET {path} failed: {error!r}") from error
        kind = response.get("Content-Type", "")
        self.statuses[path] = response.status_code
        if response.status_code != 200:
            return response.status_code
        if "text/html" in kind:
            html = response.content.decode()
        elif "json" in kind:
            html = json.loads(response.content).get("html") if response.content.startswith(b"{") else None
            if not html:
                return response.status_code
        else:
            return response.status_code
        self.visited.append(path)
        screen = VisibleText()
        screen.feed(html)
        for text in {" ".join(text.split()) for text in screen.interface_texts}:
            if not text:
                continue
            reasons = problems_in(text, self.codes, KEPT_AS_THEY_ARE)
            if is_english(text, self.english) and text not in KEPT_AS_THEY_ARE:
                reasons.append("English message")
            if reasons:
                self.findings[path].add(f"{text!r}: {'; '.join(reasons)}")
        self.links += [urldefrag(link)[0] for link in screen.links]
        if re.search(r"<tbody>\s*<tr", html):
            self.listings_with_rows.add(path)
        return 200

    def walk(self) -> Walk:
        # A listing's "results/" address answers the same rows without the page around them.
        seeds = [path for path in admin_addresses_without_ids() if not path.endswith("/results/")]
        for path in seeds:
            self.read(path)
        # One hop further, one address per shape: the screens of one object of each listing (and the
        # explorer's subpages, the settings of each site, the add forms of each page type).
        shapes, seen = defaultdict(int), set(seeds)
        for _ in range(2):
            links, self.links = self.links, []
            for link in links:
                parts = urlsplit(link)
                if parts.netloc or not parts.path.startswith("/admin/") or link in seen or NOT_SCREENS.search(link):
                    continue
                shape = _shape(link)
                if shapes[shape] >= PER_SHAPE:
                    continue
                shapes[shape] += 1
                seen.add(link)
                self.read(link)
        # The listings again with a page number, and with a search and a sort (Wagtail's own parameters).
        for listing in sorted(set(seeds) & self.listings_with_rows):
            for query in ("?p=2", "?q=bảo&ordering=-title"):
                self.read(listing + query)
        return self


@pytest.fixture(scope="module")
def english():
    return english_messages()


@pytest.fixture(scope="module")
def codes():
    return internal_codes()


def _report(walk: Walk) -> dict[str, list[str]]:
    return {path: sorted(texts) for path, texts in sorted(walk.findings.items())}


@pytest.fixture
def filled_hanoi(hanoi):
    """Hà Nội with the demo's content, one object of each kind the demo lacks, and an article waiting in
    the workflow, so that listings have a row whose screens can be read."""
    with hanoi.context():
        fill_province(hanoi.province)
        reporter = UserFactory(username="nguyen.van.phong", first_name="Văn Phong", last_name="Nguyễn")
        page = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin chờ duyệt", live=False)
        page.save_revision(user=reporter)
        page.get_workflow().start(page, reporter)
        # Listings the demo leaves empty: one row each.
        ContactMessage.objects.create(
            page=ContactPage.objects.first(),
            name="Nguyễn Thị Hoa",
            email="hoa@example.vn",
            subject="Hỏi về BHYT",
            message="Xin hỏi thủ tục cấp lại thẻ.",
        )
        DraftComment.objects.create(
            draft=DraftConsultationPage.objects.first() or open_draft(hanoi),
            name="Trần Văn Nam",
            email="nam@example.vn",
            body="Góp ý.",
        )
        ServiceRequestFactory(page=ServiceRequestPage.objects.first())
        SynonymGroupFactory()
        BestBetFactory(page=page, queries="tin chờ duyệt")
        Redirect.objects.create(old_path="/tin-cu", redirect_page=page)
        Collection.get_first_root_node().add_child(name="Ảnh hội nghị")
    return hanoi


def test_every_admin_screen_of_a_province_is_vietnamese_for_an_english_browser(filled_hanoi, english, codes):
    browser = filled_hanoi.signed_in_client()
    with filled_hanoi.context():
        walk = Walk(browser, english, codes).walk()

    assert _report(walk) == {}
    assert len(walk.visited) >= 300


def test_every_admin_screen_of_the_central_office_is_vietnamese_for_an_english_browser(central_admin, english, codes):
    MaintenanceWindow.objects.create(
        starts_at=timezone.now() + timedelta(days=10),
        ends_at=timezone.now() + timedelta(days=10, hours=2),
        reason="Nâng cấp máy chủ",
    )
    news, _ = ensure_newsroom_sections()
    NationalNewsPageFactory(parent=news, title="Tin toàn ngành thử nghiệm").save_revision().publish()
    ProvinceGroupFactory()
    walk = Walk(central_admin, english, codes).walk()

    assert _report(walk) == {}
    assert len(walk.visited) >= 180


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Save draft", "English"),
        ("Thêm Page", "English Page"),
        ("pending", "raw choice value"),
        ("newspage", "model or app label"),
        ("province_code", "code province_code"),
        ("2026-12-01", "date 2026-12-01"),
        ("Dec. 1, 2026", "date Dec. 1"),
        ("01-12-2026", "date 01-12-2026"),
    ],
)
def test_the_check_finds_english_codes_and_dates(codes, english, text, reason):
    found = problems_in(text, codes, KEPT_AS_THEY_ARE) + (["English message"] if is_english(text, english) else [])

    assert any(problem.startswith(reason) for problem in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Lưu nháp",
        "Đăng ngày 01/12/2026 14:30",
        "do cán bộ in ra",
        "bao-cao_2026.xlsx",
        "https://hanoi.baohiemxahoi.gov.vn/a_b",
        "admin@hanoi.vss.gov.vn",
        "Xuất XLSX",
    ],
)
def test_the_check_leaves_vietnamese_addresses_and_formats_alone(codes, text):
    assert problems_in(text, codes, KEPT_AS_THEY_ARE) == []
