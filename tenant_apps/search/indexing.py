"""Writing the site-search index (SearchEntry): what each kind of content puts in it.

Three weights of text: A the title, B what names the thing (its kind, number, field, summary,
the communes an office serves), C the body. Text is folded to plain words (text.words) before
PostgreSQL sees it, so the `simple` configuration splits exactly as the query side does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from .choices import Kind
from .models import SearchEntry
from .numbers import document_keys
from .text import words

BODY_CHARS = 6000  # enough for every heading and first paragraphs; keeps ranking fast at 15,000 entries
SUMMARY_CHARS = 240

# Page types by model label; any other page is a "Trang" (Wagtail's site root and home excluded).
KIND_OF_PAGE_TYPE = {
    "procedures.procedurepage": Kind.PROCEDURE,
    "online_services.servicerequestpage": Kind.SERVICE,
    "legal_documents.legaldocumentpage": Kind.DOCUMENT,
    "newsroom_pages.nationaldocumentpage": Kind.DOCUMENT,
    "news.newspage": Kind.NEWS,
    "newsroom_pages.nationalnewspage": Kind.NEWS,
    "lookups.healthcardlookuppage": Kind.SERVICE,
}
# Words that name the kind, so "thủ tục", "dịch vụ công", "hỏi đáp" or "văn bản" find them.
KIND_WORDS = {
    Kind.PROCEDURE: "thủ tục hành chính hồ sơ",
    Kind.SERVICE: "dịch vụ công trực tuyến nộp hồ sơ đăng ký",
    Kind.QUESTION: "hỏi đáp câu hỏi",
    Kind.DOCUMENT: "văn bản",
    Kind.NEWS: "tin tức",
    Kind.OFFICE: "cơ quan bảo hiểm xã hội địa chỉ trụ sở nơi nộp hồ sơ giờ làm việc xã phường",
    Kind.PAGE: "",
}
# What people call the pages the platform creates in every province, beyond their titles.
PAGE_TYPE_WORDS = {
    "contact.contactpage": "liên hệ điện thoại đường dây nóng hotline thư điện tử góp ý phản ánh",
    "offices.officedirectorypage": "danh bạ cơ quan địa chỉ trụ sở nơi nộp hồ sơ",
    "qa.questionindexpage": "hỏi đáp gửi câu hỏi",
    "consultation.consultationindexpage": "lấy ý kiến góp ý dự thảo văn bản",
}
GENERIC_TEXT_FIELDS = ("intro", "body", "functions")


@dataclass
class EntryData:
    kind: str
    page_id: int
    title: str
    names: str = ""  # weight B
    body: str = ""  # weight C
    summary: str = ""
    url_suffix: str = ""
    published_at: object = None
    doc_keys: list[str] = field(default_factory=list)


def plain(html: object) -> str:
    return " ".join(strip_tags(str(html or "")).split())


def short(text: str) -> str:
    return Truncator(text).chars(SUMMARY_CHARS)


def page_entry(page: Page) -> EntryData | None:
    """What a live page of depth 3 or more puts in the index; None for anything else."""
    if not page.live or page.depth < 3:
        return None
    kind = KIND_OF_PAGE_TYPE.get(page._meta.label_lower, Kind.PAGE)
    entry = EntryData(kind=kind, page_id=page.pk, title=page.title, published_at=page.first_published_at)
    if kind == Kind.PROCEDURE:
        entry.names = " ".join([page.field, page.code, page.applicants])
        entry.body = " ".join([page.search_text(), page.result, page.time_limit, plain(page.submission_methods)])
        entry.summary = f"Lĩnh vực: {page.field}. Thời hạn giải quyết: {page.time_limit}."
    elif kind == Kind.DOCUMENT:
        entry.names = " ".join([page.get_doc_type_display(), page.number, page.summary, page.issuer])
        entry.body = plain(page.search_text())
        entry.summary = short(f"{page.number} — {page.summary}")
        entry.doc_keys = document_keys(page.number, page.doc_type)
    elif kind == Kind.NEWS:
        entry.names = page.summary
        entry.body = plain(page.search_text())
        entry.summary = short(page.search_description or page.summary or plain(page.body))
    else:
        text = " ".join(plain(getattr(page, name, "")) for name in GENERIC_TEXT_FIELDS)
        entry.names = f"{PAGE_TYPE_WORDS.get(page._meta.label_lower, '')} {page.search_description}"
        entry.body = text
        entry.summary = short(page.search_description or text)
    return entry


def question_entry(question) -> EntryData | None:
    """An answered question the board made public (qa.Question)."""
    if question.status != question.Status.PUBLISHED or not plain(question.answer):
        return None
    answer = plain(question.answer)
    return EntryData(
        kind=Kind.QUESTION,
        page_id=question.page_id,
        title=question.title,
        names=question.get_topic_display(),
        body=f"{question.body} {answer}",
        summary=short(answer),
        url_suffix=question.page.reverse_subpage("question", args=[question.pk]),
        published_at=question.answered_at,
    )


def office_entry(office) -> EntryData | None:
    """An office of the directory (offices.Office), found by its name, address and communes."""
    if not office.page.live:
        return None
    return EntryData(
        kind=Kind.OFFICE,
        page_id=office.page_id,
        title=office.name,
        names=" ".join([office.address, *office.commune_list()]),
        body=" ".join([office.phone, office.email, office.working_hours]),
        summary=short(" · ".join(filter(None, [office.address, office.phone and f"ĐT: {office.phone}"]))),
        url_suffix=f"#co-quan-{office.pk}",
    )


def save_entry(key: str, entry: EntryData | None) -> None:
    """Insert, update or (for None) remove the entry `key`, in one statement."""
    if entry is None:
        SearchEntry.objects.filter(key=key).delete()
        return
    table = SearchEntry._meta.db_table
    folded_title = " ".join(words(entry.title))
    names = " ".join(words(f"{KIND_WORDS[entry.kind]} {entry.names}"))
    body = " ".join(words(entry.body[:BODY_CHARS]))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (key, kind, page_id, url_suffix, title, summary, published_at, doc_keys, vector)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s,
                    setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')
                    || setweight(to_tsvector('simple', %s), 'C'))
            ON CONFLICT (key) DO UPDATE SET
                kind = EXCLUDED.kind, page_id = EXCLUDED.page_id, url_suffix = EXCLUDED.url_suffix,
                title = EXCLUDED.title, summary = EXCLUDED.summary, published_at = EXCLUDED.published_at,
                doc_keys = EXCLUDED.doc_keys, vector = EXCLUDED.vector
            """,
            [
                key,
                entry.kind,
                entry.page_id,
                entry.url_suffix,
                entry.title[:500],
                entry.summary,
                entry.published_at,
                entry.doc_keys,
                folded_title,
                names,
                body,
            ],
        )


def index_page(page: Page) -> None:
    save_entry(f"page:{page.pk}", page_entry(page))


def index_question(question) -> None:
    save_entry(f"question:{question.pk}", question_entry(question))


def index_office(office) -> None:
    save_entry(f"office:{office.pk}", office_entry(office))


@transaction.atomic
def rebuild_index() -> int:
    """Index everything of the current schema again; returns the number of entries."""
    from tenant_apps.offices.models import Office
    from tenant_apps.qa.models import Question

    SearchEntry.objects.all().delete()
    for page in Page.objects.live().filter(depth__gte=3).specific().iterator(chunk_size=500):
        index_page(page)
    for question in Question.objects.filter(status=Question.Status.PUBLISHED).select_related("page"):
        index_question(question)
    for office in Office.objects.select_related("page"):
        index_office(office)
    return SearchEntry.objects.count()
