"""The registry of checks: small functions that look at the current province's own site and records.

Each runs inside the province's schema, takes the parameters its checklist item gives, and
returns an Outcome with links to what fails (an admin edit page or the public page). Which
checks run, with which parameters, is data (checklists.py).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.apps import apps
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

from tenant_apps.about.models import IntroductionPage, Leader
from tenant_apps.documents.models import DocumentIndexPage, LegalDocumentPage
from tenant_apps.editorial.selectors import timeliness_items
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenant_apps.procedures.models import OnlineLevel, ProcedureIndexPage, ProcedurePage
from tenant_apps.qa.models import Question

from . import measures
from .site_reader import current_site, fetch, public_url

MAX_FAILURES = 20


@dataclass(frozen=True)
class Failure:
    label: str
    url: str


@dataclass
class Outcome:
    passed: bool
    detail: str
    failures: list[Failure] = field(default_factory=list)


Check = Callable[[dict], Outcome]
REGISTRY: dict[str, Check] = {}


def register(key: str) -> Callable[[Check], Check]:
    def decorator(function: Check) -> Check:
        REGISTRY[key] = function
        return function

    return decorator


# --- Helpers ------------------------------------------------------------------------------


def admin_url(name: str, *args) -> str:
    return current_site().root_url + reverse(name, args=args)


def edit_url(page: Page) -> str:
    return admin_url("wagtailadmin_pages:edit", page.pk)


def public_path(page: Page) -> str | None:
    """The page's path on the site; None for a page outside the site's tree."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _filled(value) -> bool:
    if hasattr(value, "exists"):  # a related manager
        return value.exists()
    if isinstance(value, str):
        return bool(strip_tags(value).strip())
    if hasattr(value, "__len__"):  # StreamField values and lists
        return len(value) > 0
    return value is not None


def missing_fields(obj, fields: list) -> list[str]:
    """Labels of `fields` left empty on `obj`; an entry that is a list is filled if any of its fields is."""
    missing = []
    for entry in fields:
        names = entry if isinstance(entry, list) else [entry]
        if not any(_filled(getattr(obj, name)) for name in names):
            missing.append(str(obj._meta.get_field(names[0]).verbose_name))
    return missing


def add_child_link(index_model: type[Page], label: str) -> Failure:
    """Where to add what is missing: the "add a page" screen of its section."""
    index = index_model.objects.first()
    if index is None:
        return Failure(label, admin_url("wagtailadmin_explore_root"))
    return Failure(label, admin_url("wagtailadmin_pages:add_subpage", index.pk))


def add_section_link(label: str) -> Failure:
    return Failure(label, admin_url("wagtailadmin_pages:add_subpage", current_site().root_page_id))


def _capped(failures: list[Failure]) -> list[Failure]:
    return failures[:MAX_FAILURES]


def _within(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


# --- Content (NĐ 42/2022 Điều 4; TT 32/2017 Điều 5) ----------------------------------------


@register("documents_complete")
def documents_complete(params: dict) -> Outcome:
    documents = LegalDocumentPage.objects.live()
    if documents.count() < params.get("min_count", 1):
        return Outcome(False, "Chưa đăng văn bản nào.", [add_child_link(DocumentIndexPage, "Thêm văn bản")])
    blank = Q()
    for name in params.get("fields", []):
        blank |= Q(**{f"{name}__isnull": True})
        if LegalDocumentPage._meta.get_field(name).get_internal_type() in ("CharField", "TextField"):
            blank |= Q(**{name: ""})
    if params.get("require_file"):
        documents = documents.annotate(file_count=Count("attachments"))
        blank |= Q(file_count=0)
    incomplete = documents.filter(blank).order_by("-first_published_at")
    count = incomplete.count()
    return Outcome(
        count == 0,
        f"{count} văn bản thiếu thông tin hoặc tệp đính kèm." if count else "Mọi văn bản đều đủ thông tin và tệp.",
        [Failure(page.title, edit_url(page)) for page in incomplete[:MAX_FAILURES]],
    )


@register("procedures_complete")
def procedures_complete(params: dict) -> Outcome:
    procedures = list(ProcedurePage.objects.live().order_by("title"))
    if len(procedures) < params.get("min_count", 1):
        return Outcome(False, "Chưa đăng thủ tục hành chính nào.", [add_child_link(ProcedureIndexPage, "Thêm thủ tục")])
    failures = []
    for page in procedures:
        missing = missing_fields(page, params["fields"])
        if missing:
            failures.append(Failure(f"{page.title}: thiếu {', '.join(missing)}", edit_url(page)))
    return Outcome(
        not failures,
        f"{len(failures)}/{len(procedures)} thủ tục thiếu thành phần."
        if failures
        else "Mọi thủ tục đều đủ thành phần.",
        _capped(failures),
    )


def _host_matches(url: str, hosts: list[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == allowed or host.endswith("." + allowed) for allowed in hosts)


@register("procedures_linked_to_portal")
def procedures_linked_to_portal(params: dict) -> Outcome:
    online = ProcedurePage.objects.live().exclude(online_level=OnlineLevel.NONE).order_by("title")
    failures = [
        Failure(page.title, edit_url(page)) for page in online if not _host_matches(page.online_url, params["hosts"])
    ]
    return Outcome(
        not failures,
        f"{len(failures)} thủ tục trực tuyến chưa liên kết tới Cổng Dịch vụ công quốc gia."
        if failures
        else "Các thủ tục trực tuyến đều liên kết tới Cổng Dịch vụ công quốc gia.",
        _capped(failures),
    )


HREF_RE = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


@register("page_links_to")
def page_links_to(params: dict) -> Outcome:
    page = fetch(params["path"])
    link = Failure(params["path"], public_url(params["path"]))
    if page.status != 200:
        return Outcome(False, f"Trang {params['path']} không mở được (mã {page.status}).", [link])
    html = page.html
    if params.get("region"):  # e.g. "main": only the page's own content, not the header every page shares
        region = re.search(rf"<{params['region']}\b[^>]*>(.*?)</{params['region']}>", html, re.DOTALL | re.IGNORECASE)
        html = region.group(1) if region else ""
    if any(_host_matches(href, params["hosts"]) for href in HREF_RE.findall(html)):
        return Outcome(True, f"Trang {params['path']} có liên kết tới {', '.join(params['hosts'])}.")
    return Outcome(False, f"Trang {params['path']} chưa có liên kết tới {', '.join(params['hosts'])}.", [link])


@register("introduction_complete")
def introduction_complete(params: dict) -> Outcome:
    page = IntroductionPage.objects.live().filter(language=params["language"]).order_by("depth", "path").first()
    if page is None:
        return Outcome(
            False, "Chưa có trang giới thiệu bằng ngôn ngữ này.", [add_section_link("Thêm trang giới thiệu")]
        )
    missing = missing_fields(page, params["fields"])
    if missing:
        link = Failure(page.title, edit_url(page))
        return Outcome(False, f"Trang «{page.title}» thiếu: {', '.join(missing)}.", [link])
    return Outcome(True, f"Trang «{page.title}» đủ nội dung.")


@register("focal_point_published")
def focal_point_published(params: dict) -> Outcome:
    pages = IntroductionPage.objects.live().filter(language=IntroductionPage.Language.VIETNAMESE)
    leaders = Leader.objects.filter(page__in=pages)
    for leader in leaders:
        if not missing_fields(leader, params["fields"]):
            return Outcome(True, f"Đầu mối: {leader.name}, {leader.position}.")
    page = pages.first()
    link = Failure(page.title, edit_url(page)) if page else add_section_link("Thêm trang giới thiệu")
    return Outcome(False, "Chưa có người đầu mối với đủ họ tên, chức vụ, điện thoại và thư điện tử.", [link])


@register("recent_content")
def recent_content(params: dict) -> Outcome:
    since = _within(params["within_days"])
    matches = Q()
    for keyword in params.get("keywords", []):
        matches |= Q(title__icontains=keyword)
    found = Page.objects.live().filter(matches, last_published_at__date__gte=since).order_by("-last_published_at")
    page = found.first()
    if page is None and params.get("doc_types"):
        page = (
            LegalDocumentPage.objects.live()
            .filter(doc_type__in=params["doc_types"], signed_date__gte=since)
            .order_by("-signed_date")
            .first()
        )
    if page is not None:
        return Outcome(True, f"Có: «{page.title}».")
    return Outcome(
        False, f"Không có nội dung nào đăng từ {since:%d/%m/%Y}.", [add_child_link(DocumentIndexPage, "Thêm văn bản")]
    )


@register("section_published")
def section_published(params: dict) -> Outcome:
    home = current_site().root_page
    page = home.get_children().filter(slug=params["slug"]).first()
    if page is None:
        return Outcome(
            False,
            f"Chưa có chuyên mục /{params['slug']}/.",
            [add_section_link("Thêm chuyên mục")],
        )
    page = page.specific
    if not page.live:
        return Outcome(False, f"Chuyên mục «{page.title}» chưa xuất bản.", [Failure(page.title, edit_url(page))])
    if params.get("field") and not _filled(getattr(page, params["field"], "")):
        return Outcome(False, f"Chuyên mục «{page.title}» chưa có nội dung.", [Failure(page.title, edit_url(page))])
    return Outcome(True, f"Chuyên mục «{page.title}» đã xuất bản.")


# --- Functions (NĐ 42/2022 Điều 7) --------------------------------------------------------


@register("article_tools")
def article_tools(params: dict) -> Outcome:
    failures = []
    checked = 0
    for label in params["models"]:
        model = apps.get_model(label)
        for page in model.objects.live().public().order_by("-first_published_at")[: params.get("sample", 1)]:
            path = public_path(page)
            if path is None:
                continue
            checked += 1
            html = fetch(path).html
            missing = [name for name, marker in params["markers"].items() if marker not in html]
            if missing:
                failures.append(Failure(f"{page.title}: thiếu {', '.join(missing)}", public_url(path)))
    if not checked:
        return Outcome(True, "Chưa có bài viết để kiểm tra.")
    return Outcome(
        not failures,
        f"{len(failures)}/{checked} bài viết thiếu chức năng." if failures else f"{checked} bài viết mẫu đủ chức năng.",
        _capped(failures),
    )


# --- Timeliness (letter §8.1) -------------------------------------------------------------

KINDS = {"documents": "Văn bản", "news": "Tin"}


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days (Mon–Fri) after `start` up to and including `end`."""
    days = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        days += day.weekday() < 5
    return days


def _delay(start: datetime.date, end: datetime.date, working: bool) -> int:
    return working_days_between(start, end) if working else (end - start).days


def _share_on_time(counted: int, late: list[Failure], params: dict, noun: str) -> Outcome:
    if not counted:
        return Outcome(True, f"Không có {noun} nào đến hạn trong {params['window_days']} ngày qua.")
    percent = round(100 * (counted - len(late)) / counted, 1)
    return Outcome(
        percent >= params["min_percent"],
        f"{percent} % {noun} đúng hạn ({counted - len(late)}/{counted}); yêu cầu {params['min_percent']} %.",
        _capped(late),
    )


@register("published_on_time")
def published_on_time(params: dict) -> Outcome:
    """Items whose reference date (signing, event end) is in the window: published within
    `max_days` (working days if `working_days`); unpublished ones count once their time is up."""
    today = timezone.localdate()
    working = params.get("working_days", False)
    counted, late = 0, []
    for item in timeliness_items(since=_within(params["window_days"])):
        if item.kind != KINDS[params["kind"]]:
            continue
        delay = _delay(item.reference_date, item.published_on or today, working)
        if item.published_on is None and delay <= params["max_days"]:
            continue  # still has time
        counted += 1
        if delay > params["max_days"]:
            late.append(Failure(f"{item.page.title} (chậm {delay} ngày)", edit_url(item.page)))
    return _share_on_time(counted, late, params, "văn bản" if params["kind"] == "documents" else "tin")


@register("questions_replied_on_time")
def questions_replied_on_time(params: dict) -> Outcome:
    today = timezone.localdate()
    counted, late = 0, []
    questions = Question.objects.filter(created_at__date__gte=_within(params["window_days"])).order_by("created_at")
    for question in questions:
        asked = timezone.localdate(question.created_at)
        replied = timezone.localdate(question.replied_at) if question.replied_at else None
        delay = ((replied or today) - asked).days
        if replied is None and delay <= params["max_days"]:
            continue
        counted += 1
        if delay > params["max_days"]:
            late.append(Failure(f"{question.title} (sau {delay} ngày)", admin_url("questions:edit", question.pk)))
    return _share_on_time(counted, late, params, "câu hỏi")


@register("news_fresh")
def news_fresh(params: dict) -> Outcome:
    days = measures.days_since_last(NewsPage)
    if days is None:
        return Outcome(False, "Chưa có tin nào.", [add_child_link(NewsIndexPage, "Thêm tin")])
    return Outcome(days <= params["max_days"], f"Tin mới nhất đăng cách đây {days} ngày.")


@register("no_broken_links")
def no_broken_links(params: dict) -> Outcome:
    broken = measures.broken_links()
    return Outcome(
        len(broken) <= params.get("max", 0),
        f"{len(broken)} liên kết nội bộ hỏng." if broken else "Không có liên kết nội bộ hỏng.",
        _capped(
            [Failure(f"{link.source.title}: liên kết tới {link.reason}", edit_url(link.source)) for link in broken]
        ),
    )


# --- Personal data on forms ---------------------------------------------------------------


@register("forms_cite_current_law")
def forms_cite_current_law(params: dict) -> Outcome:
    """Every listed page whose form asks for personal data cites a law in force in its consent text;
    a page citing only an outdated instrument is reported as such."""
    names = "|".join(re.escape(name) for name in params["personal_fields"])
    personal = re.compile(rf"""name\s*=\s*["'](?:{names})["']""")
    failures, checked = [], 0
    for spec in params["pages"]:
        for page in apps.get_model(spec["model"]).objects.live().public().order_by("path"):
            if public_path(page) is None:
                continue
            path = public_path(page) + spec.get("subpath", "")
            fetched = fetch(path)
            if fetched.status != 200 or not personal.search(fetched.html):
                continue
            checked += 1
            if any(citation in fetched.html for citation in params["current"]):
                continue
            if any(citation in fetched.html for citation in params["outdated"]):
                reason = f"chỉ dẫn {', '.join(params['outdated'])}"
            else:
                reason = "không có nội dung đồng ý xử lý dữ liệu cá nhân"
            failures.append(Failure(f"{page.title}: {reason}", public_url(path)))
    if not checked:
        return Outcome(True, "Không có biểu mẫu thu thập dữ liệu cá nhân.")
    return Outcome(
        not failures,
        f"{len(failures)}/{checked} biểu mẫu chưa dẫn luật hiện hành." if failures else f"{checked} biểu mẫu đạt.",
        _capped(failures),
    )
