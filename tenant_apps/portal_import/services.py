"""Importing an old portal into a province: runs, the crawl, and writing pages, questions and files.

`request_run()` creates a run (or hands back the unfinished one for the same source, to resume it);
`run_import()` carries it out in the province's schema: the queue of URLs is in the database, each
URL is read, extracted and written in its own transaction (a bad page is reported and skipped,
never stops the run), then links between imported pages are pointed at the new pages. Every old URL
gets a permanent redirect (Wagtail's redirects, on the province's site) to what it became.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import logging
import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_tenants.utils import tenant_context
from PIL import Image as PillowImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from shared_apps.newsroom.indexing import deferred_search_indexing
from tenant_apps.documents.models import (
    DocumentField,
    DocumentIndexPage,
    DocumentStatus,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentPage,
)
from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage
from tenant_apps.pages.models import ContentPage
from tenant_apps.qa.models import Question, QuestionIndexPage, Topic
from tenant_apps.search.text import fold
from tenants.models import Domain, Province
from tenants.services import HOST_NAME_RE, normalise_host

from .extraction import (
    FILE_EXTENSIONS,
    IMAGE_EXTENSIONS,
    Extracted,
    NotImportable,
    Picture,
    decode_html,
    extension,
    extract,
    feed_links,
    page_links,
    parse,
    parse_date,
)
from .models import ImportedItem, QueuedUrl, SectionMapping
from .richtext import relink, to_rich_text
from .runs.models import REPORT_PROBLEMS_LIMIT, ImportRun
from .sources import Unavailable, open_source, urls_in_sitemap_or_feed

logger = logging.getLogger(__name__)

Reporter = Callable[[str], None]
DEFAULT_AUTHOR = "Ban Biên tập"
DEFAULT_CATEGORY_SLUG = "tin-dia-phuong"
BATCH_SIZE = 100
SAVE_PROGRESS_SECONDS = 2.0
REPORT_EVERY = 50  # a progress line every so many URLs; each skipped URL has its own line
PAGE_KINDS = (ImportedItem.Kind.NEWS, ImportedItem.Kind.DOCUMENT, ImportedItem.Kind.PAGE)
Kind = ImportedItem.Kind


class ImportRefused(Exception):
    """A run that cannot start (bad source, a domain of another province); the message says why."""


@dataclass
class Outcome:
    url: str
    result: str  # "imported", "updated", "unchanged" or "skipped"
    reason: str = ""


def request_run(
    province: Province,
    source: str,
    *,
    base_url: str = "",
    old_domain: str = "",
    delay_seconds: float = 1.0,
    requested_by: str = "",
) -> tuple[ImportRun, bool]:
    """The unfinished run of this province and source (to resume it), or a new one; and whether it is new."""
    unfinished = (
        ImportRun.objects.filter(province=province, source=source)
        .exclude(status__in=[ImportRun.Status.FINISHED, ImportRun.Status.FAILED])
        .first()
    )
    if unfinished:
        return unfinished, False
    run = ImportRun.objects.create(
        province=province,
        source=source,
        base_url=base_url,
        old_domain=normalise_host(old_domain),
        delay_seconds=delay_seconds,
        requested_by=requested_by,
    )
    return run, True


def attach_old_domain(run: ImportRun) -> None:
    """Make the old domain a domain of the province, so its URLs reach the redirects once it points here."""
    if not run.old_domain:
        return
    if len(run.old_domain) > 253 or not HOST_NAME_RE.match(run.old_domain):
        raise ImportRefused(f"Tên miền cũ «{run.old_domain}» không hợp lệ.")
    domain, _ = Domain.objects.get_or_create(
        domain=run.old_domain, defaults={"tenant": run.province, "is_primary": False}
    )
    if domain.tenant_id != run.province_id:
        raise ImportRefused(f"Tên miền {run.old_domain} đã thuộc {domain.tenant}.")


def run_import(run: ImportRun, report: Reporter = lambda line: None) -> ImportRun:
    """Carry out (or resume) `run` in its province's schema; the run ends with its report filled in."""
    run.status, run.started_at, run.error = ImportRun.Status.RUNNING, run.started_at or timezone.now(), ""
    run.save(update_fields=["status", "started_at", "error"])
    try:
        with tenant_context(run.province):
            attach_old_domain(run)
            try:
                source = open_source(run.source, base_url=run.base_url, delay=run.delay_seconds)
            except Unavailable as error:
                raise ImportRefused(str(error)) from error
            PortalImporter(run, source, report).import_all()
        run.status = ImportRun.Status.FINISHED
    except ImportRefused as error:
        run.status, run.error = ImportRun.Status.FAILED, str(error)
        report(str(error))
    except Exception as error:
        run.status, run.error = ImportRun.Status.FAILED, f"{type(error).__name__}: {error}"
        raise
    finally:
        run.finished_at = timezone.now()
        run.save()
    return run


def _slug(url: str, title: str) -> str:
    name = posixpath.basename(urlsplit(url).path.rstrip("/")).rsplit(".", 1)[0]
    return (slugify(fold(name)) or slugify(fold(title)) or "trang")[:200]


def _choice(value: str, choices, default):
    """The choice whose label (or value) the old site's text names, accents and case aside."""
    folded = fold(value)
    for choice in choices:
        if folded and (fold(str(choice.label)) in folded or choice.value in folded.replace(" ", "-")):
            return choice
    return default


def _topic(category: str) -> str:
    folded = fold(category)
    for words, topic in (
        (("y te", "bhyt"), Topic.HEALTH),
        (("tu nguyen",), Topic.VOLUNTARY),
        (("that nghiep", "bhtn"), Topic.UNEMPLOYMENT),
        (("thu tuc",), Topic.PROCEDURE),
        (("bat buoc",), Topic.COMPULSORY),
    ):
        if any(word in folded for word in words):
            return topic
    return Topic.OTHER


def _at_noon(date: datetime.date | None) -> datetime.datetime:
    if date is None:
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


class PortalImporter:
    """One pass over a run's queue, in the province's schema."""

    def __init__(self, run: ImportRun, source, report: Reporter):
        self.run, self.source, self.report = run, source, report
        self.site = Site.objects.get(is_default_site=True)
        home = self.site.root_page
        self.news_index = NewsIndexPage.objects.descendant_of(home).first()
        self.document_index = DocumentIndexPage.objects.descendant_of(home).first()
        self.question_index = QuestionIndexPage.objects.descendant_of(home).first()
        self.home = home
        self.default_category = (
            NewsCategory.objects.filter(slug=DEFAULT_CATEGORY_SLUG).first() or NewsCategory.objects.first()
        )
        self.old_host = source.host
        self.categories: dict[str, NewsCategory] = {}
        self._saved_at = 0.0

    # The queue ---------------------------------------------------------------------------------

    def import_all(self) -> None:
        if not QueuedUrl.objects.filter(run_id=self.run.pk).exists():
            self.enqueue(self.source.seeds())
        self.save_progress(force=True)
        while batch := list(QueuedUrl.objects.filter(run_id=self.run.pk, done=False).order_by("id")[:BATCH_SIZE]):
            for entry in batch:
                self.record(self.process(entry.url))
                QueuedUrl.objects.filter(pk=entry.pk).update(done=True)
            self.save_progress(force=True)
        self.relink_pages()
        self.save_progress(force=True)

    def enqueue(self, urls: list[str]) -> None:
        wanted = {
            url
            for url in urls
            if len(url) <= 1000
            and urlsplit(url).netloc == self.old_host
            and extension(url) not in FILE_EXTENSIONS | IMAGE_EXTENSIONS
        }
        QueuedUrl.objects.bulk_create(
            [QueuedUrl(run_id=self.run.pk, url=url) for url in sorted(wanted)], ignore_conflicts=True
        )

    def record(self, outcome: Outcome) -> None:
        run = self.run
        run.processed += 1
        setattr(run, outcome.result, getattr(run, outcome.result) + 1)
        if outcome.result == "skipped" and len(run.problems) < REPORT_PROBLEMS_LIMIT:
            run.problems.append({"url": outcome.url, "reason": outcome.reason})
        if outcome.result == "skipped":
            self.report(f"[{run.processed}/{run.queued}] bỏ qua: {outcome.url} — {outcome.reason}")
        elif run.processed % REPORT_EVERY == 0:
            self.report(
                f"[{run.processed}/{run.queued}] nhập mới {run.imported}, cập nhật {run.updated}, "
                f"không đổi {run.unchanged}, bỏ qua {run.skipped}"
            )
        self.save_progress()

    def save_progress(self, force: bool = False) -> None:
        if force or time.monotonic() - self._saved_at > SAVE_PROGRESS_SECONDS:
            self.run.queued = QueuedUrl.objects.filter(run_id=self.run.pk).count()
            fields = ["processed", "queued", "imported", "updated", "unchanged", "skipped", "problems"]
            self.run.save(update_fields=fields)
            self._saved_at = time.monotonic()

    # One URL -----------------------------------------------------------------------------------

    def process(self, url: str) -> Outcome:
        try:
            fetched = self.source.fetch(url)
        except Unavailable as error:
            return Outcome(url, "skipped", str(error))
        if fetched.status >= 400:
            return Outcome(url, "skipped", f"Lỗi HTTP {fetched.status}")
        if "xml" in fetched.content_type or "rss" in fetched.content_type:
            self.enqueue(urls_in_sitemap_or_feed(fetched.content))
            return Outcome(url, "skipped", "Sơ đồ trang hoặc RSS: đã lấy các địa chỉ trong đó")
        if not fetched.is_html:
            return Outcome(url, "skipped", f"Không phải trang HTML ({fetched.content_type})")
        html = decode_html(fetched.content, fetched.charset)
        tree = parse(html, fetched.url)
        if tree is None:
            return Outcome(url, "skipped", "Trang rỗng")
        if self.source.follows_links:
            self.enqueue(page_links(tree) + feed_links(tree))
        try:
            item = extract(html, fetched.url, tree)
            with transaction.atomic():
                return self.write(fetched.url, item, aliases={url, fetched.url})
        except NotImportable as error:
            return Outcome(url, "skipped", str(error))
        except Exception as error:  # a bad page is reported and skipped, never stops the run
            logger.exception("Could not import %s", url)
            return Outcome(url, "skipped", f"Lỗi khi nhập: {type(error).__name__}: {error}"[:500])

    def write(self, url: str, item: Extracted, aliases: set[str]) -> Outcome:
        content_hash = item.content_hash()
        known = ImportedItem.objects.filter(url=url).first()
        if known is None:
            twin = (
                ImportedItem.objects.filter(content_hash=content_hash, kind__in=[*PAGE_KINDS, Kind.QUESTION])
                .exclude(url=url)
                .first()
            )
            if twin:
                self.redirect(aliases, twin)
                return Outcome(url, "skipped", f"Trùng nội dung với {twin.url}")
        category = self.category_for(item.category) if item.kind == Kind.NEWS else None
        fingerprint = hashlib.sha1(f"{content_hash}:{category.pk if category else ''}".encode()).hexdigest()
        existing = self.existing_object(known, item.kind)
        if existing is not None and known.fingerprint == fingerprint:
            self.redirect(aliases, known)
            return Outcome(url, "unchanged")
        writer = {
            Kind.NEWS: self.write_news,
            Kind.DOCUMENT: self.write_document,
            Kind.QUESTION: self.write_question,
            Kind.PAGE: self.write_page,
        }[item.kind]
        with deferred_search_indexing(), disable_reference_index_auto_update():
            obj, new_url, old_links = writer(url, item, existing, category)
        ReferenceIndex.create_or_update_for_object(obj)
        imported, _ = ImportedItem.objects.update_or_create(
            url=url,
            defaults={
                "kind": item.kind,
                "object_id": obj.pk,
                "new_url": new_url,
                "content_hash": content_hash,
                "fingerprint": fingerprint,
                "has_old_links": old_links,
                "run_id": self.run.pk,
            },
        )
        self.redirect(aliases, imported)
        return Outcome(url, "updated" if existing is not None else "imported")

    def existing_object(self, known: ImportedItem | None, kind: str):
        if known is None or known.kind != kind:
            return None
        if kind == Kind.QUESTION:
            return Question.objects.filter(pk=known.object_id).first()
        page = Page.objects.filter(pk=known.object_id).first()
        return page.specific if page else None

    def category_for(self, old_category: str) -> NewsCategory:
        name = (old_category or "(không có chuyên mục)")[:200]
        if name not in self.categories:
            mapping, _ = SectionMapping.objects.get_or_create(
                old_category=name, defaults={"news_category": NewsCategory.objects.filter(name__iexact=name).first()}
            )
            self.categories[name] = mapping.news_category or self.default_category
        return self.categories[name]

    # Writers: each returns (object, its new URL, whether links into the old site remain) ----------

    def rich_text(self, item: Extracted, html: str):
        return to_rich_text(
            html, old_host=self.old_host, pictures=item.pictures, image_for=self.image_for, link_for=self.link_for
        )

    def write_news(self, url: str, item: Extracted, page: NewsPage | None, category: NewsCategory):
        body = self.rich_text(item, item.body)
        image, picture = body.images[0] if body.images else (None, None)
        fields = {
            "title": item.title[:255],
            "summary": item.summary[:600],
            "body": body.html,
            "author": (item.author or DEFAULT_AUTHOR)[:150],
            "category": category,
            "featured_image": image,
            "featured_image_alt": (picture.alt or picture.caption or item.title)[:250] if image else "",
        }
        page = self.save_page(NewsPage, self.news_index, page, fields, url, item.date)
        return page, page.url, body.old_links

    def write_document(self, url: str, item: Extracted, page: LegalDocumentPage | None, category):
        meta = item.metadata
        signed = parse_date(meta.get("ngay ban hanh", ""))
        number = meta.get("so ky hieu") or meta.get("so hieu") or meta.get("so, ky hieu") or ""
        if not signed or not number:
            raise NotImportable("Văn bản thiếu số ký hiệu hoặc ngày ban hành")
        files = [self.document_for(link, text) for link, text in item.attachments]
        status_text = meta.get("tinh trang hieu luc") or meta.get("tinh trang") or meta.get("hieu luc") or ""
        fields = {
            "title": item.title[:255],
            "number": number[:100],
            "doc_type": _choice(meta.get("loai van ban", ""), DocumentType, DocumentType.OFFICIAL_LETTER),
            "issuer": (meta.get("co quan ban hanh") or self.run.province.office_name)[:200],
            "signer": meta.get("nguoi ky", "")[:150],
            "signed_date": signed,
            "effective_date": parse_date(meta.get("ngay hieu luc") or meta.get("ngay co hieu luc") or ""),
            "status": _choice(status_text, DocumentStatus, DocumentStatus.IN_FORCE),
            "field": _choice(meta.get("linh vuc", ""), DocumentField, DocumentField.OTHER),
            "summary": item.summary,
            "attachments": [LegalDocumentAttachment(document=file) for file in files if file],
        }
        page = self.save_page(LegalDocumentPage, self.document_index, page, fields, url, signed)
        return page, page.url, False

    def write_question(self, url: str, item: Extracted, question: Question | None, category):
        answer = self.rich_text(item, item.body)
        answered = _at_noon(item.date)
        asker, _, commune = item.asker.partition("(")
        question = question or Question(page=self.question_index)
        question.asker_name = (asker.strip(" -:") or "Người hỏi")[:150]
        question.commune = (commune.strip(" )") or "Không rõ")[:150]
        question.topic = _topic(item.category)
        question.title, question.body = item.title[:200], (item.summary or item.title)[:5000]
        question.answer, question.status = answer.html, Question.Status.PUBLISHED
        question.answered_at = question.replied_at = answered
        question.save()
        Question.objects.filter(pk=question.pk).update(created_at=answered)
        return question, question.url, answer.old_links

    def write_page(self, url: str, item: Extracted, page: ContentPage | None, category):
        body = self.rich_text(item, item.body)
        page = self.save_page(ContentPage, self.home, page, {"title": item.title[:255], "body": body.html}, url, None)
        return page, page.url, body.old_links

    def save_page(self, model, parent: Page, page: Page | None, fields: dict, url: str, date):
        """Create a live page dated as on the old site, or update the one made before."""
        if page is None:
            published = _at_noon(date)
            page = model(live=True, first_published_at=published, last_published_at=published, **fields)
            page.slug = find_available_slug(parent, _slug(url, fields["title"]))
            parent.add_child(instance=page)
            return page
        for name, value in fields.items():
            setattr(page, name, value)
        self.save_live(page)
        return page

    @staticmethod
    def save_live(page: Page) -> None:
        """Save a live page; once editors have given it revisions, the new content is its latest, live one,
        so the editor does not open an older version."""
        page.save()
        if page.latest_revision_id:
            revision = page.save_revision(clean=False)
            type(page).objects.filter(pk=page.pk).update(live_revision=revision, has_unpublished_changes=False)

    # Files and links -----------------------------------------------------------------------------

    def link_for(self, url: str) -> tuple[str, int] | None:
        if urlsplit(url).netloc != self.old_host:
            return None
        if extension(url) in FILE_EXTENSIONS:
            document = self.document_for(url, "")
            return ("document", document.pk) if document else None
        known = ImportedItem.objects.filter(url=url, kind__in=PAGE_KINDS).only("object_id").first()
        return ("page", known.object_id) if known else None

    def image_for(self, picture: Picture):
        return self.file_for(picture.src, Kind.IMAGE, picture.alt or picture.caption)

    def document_for(self, url: str, title: str):
        return self.file_for(url, Kind.FILE, title)

    def file_for(self, url: str, kind: str, title: str):
        """The Wagtail image or document for an old file URL: known, already here (same SHA-1), or fetched."""
        model = get_image_model() if kind == Kind.IMAGE else get_document_model()
        known = ImportedItem.objects.filter(url=url, kind=kind).first()
        if known and (found := model.objects.filter(pk=known.object_id).first()):
            return found
        try:
            fetched = self.source.fetch(url)
        except Unavailable:
            return None
        if fetched.status >= 400 or not fetched.content:
            return None
        digest = hashlib.sha1(fetched.content).hexdigest()
        obj = model.objects.filter(file_hash=digest).order_by("pk").first()
        if obj is None:
            name = posixpath.basename(urlsplit(url).path) or "tep"
            title = (title or name)[:255]
            if kind == Kind.IMAGE:
                try:
                    PillowImage.open(io.BytesIO(fetched.content)).verify()
                except Exception:
                    return None
                obj = model(title=title, file=ImageFile(io.BytesIO(fetched.content), name=name))
            else:
                obj = model(title=title, file=ContentFile(fetched.content, name=name))
            obj.file_hash, obj.file_size = digest, len(fetched.content)
            obj.save()
        new_url = obj.file.url if kind == Kind.IMAGE else obj.url
        imported, _ = ImportedItem.objects.update_or_create(
            url=url,
            defaults={
                "kind": kind,
                "object_id": obj.pk,
                "new_url": new_url,
                "content_hash": digest,
                "run_id": self.run.pk,
            },
        )
        self.redirect({url}, imported)
        return obj

    def redirect(self, urls: set[str], item: ImportedItem) -> None:
        """A permanent redirect from each old path to the item's new page or file."""
        for url in urls:
            parts = urlsplit(url)
            old_path = Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))
            if old_path == Redirect.normalise_path(item.new_url):
                continue
            target = (
                {"redirect_page_id": item.object_id, "redirect_link": ""}
                if item.kind in PAGE_KINDS
                else {"redirect_page_id": None, "redirect_link": item.new_url}
            )
            Redirect.objects.update_or_create(
                site=self.site, old_path=old_path, defaults={"is_permanent": True, **target}
            )

    def relink_pages(self) -> None:
        """Point links between imported pages that were written before their target existed."""
        for item in ImportedItem.objects.filter(has_old_links=True).iterator(chunk_size=BATCH_SIZE):
            obj = self.existing_object(item, item.kind)
            if obj is None:
                continue
            field = "answer" if item.kind == Kind.QUESTION else "body"
            html, old_links = relink(getattr(obj, field), old_host=self.old_host, link_for=self.link_for)
            with transaction.atomic(), deferred_search_indexing():
                if html is not None:
                    setattr(obj, field, html)
                    if isinstance(obj, Page):
                        self.save_live(obj)
                    else:
                        obj.save()
                if not old_links:
                    ImportedItem.objects.filter(pk=item.pk).update(has_old_links=False)
