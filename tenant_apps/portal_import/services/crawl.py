"""The crawl: the run's queue of URLs in the database, each URL read, extracted and written, the report."""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Site

from shared_apps.newsroom.indexing import deferred_search_indexing
from tenant_apps.documents.models import DocumentIndexPage
from tenant_apps.news.models import NewsCategory, NewsIndexPage
from tenant_apps.qa.models import QuestionIndexPage

from ..extraction import (
    FILE_EXTENSIONS,
    IMAGE_EXTENSIONS,
    NotImportable,
    decode_html,
    extension,
    extract,
    feed_links,
    page_links,
    parse,
)
from ..models import QueuedUrl
from ..runs.models import REPORT_PROBLEMS_LIMIT, ImportRun
from ..sources import Unavailable, urls_in_sitemap_or_feed
from .common import BATCH_SIZE, Outcome, Reporter
from .links import FilesAndLinks
from .writing import PageWriter

logger = logging.getLogger(__name__)

DEFAULT_CATEGORY_SLUG = "tin-dia-phuong"
BATCH_SECONDS = 10.0  # a batch also ends after this long: the parent page stays locked until it commits
REPORT_EVERY = 50  # a progress line every so many URLs; each skipped URL has its own line


class PortalImporter(PageWriter, FilesAndLinks):
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
        self.root_collection = Collection.get_first_root_node()  # where new images and files go, as Wagtail's
        self.categories: dict[str, NewsCategory] = {}
        self.pending_redirects: dict[str, Redirect] = {}  # the batch's, by old path
        self.page_redirects: dict[str, Redirect] = {}  # the current URL's, kept once it is written
        self.last_child_paths: dict[int, str] = {}  # parent page id → path of its last child, in this batch

    def import_all(self) -> None:
        if not QueuedUrl.objects.filter(run_id=self.run.pk).exists():
            self.enqueue(self.source.seeds())
        self.save_progress()
        while batch := list(QueuedUrl.objects.filter(run_id=self.run.pk, done=False).order_by("id")[:BATCH_SIZE]):
            self.import_batch(batch)
        self.relink_pages()
        self.save_progress()

    def import_batch(self, batch: list[QueuedUrl]) -> None:
        """A batch of URLs (at most `BATCH_SECONDS` of work) in one transaction, each URL in a savepoint of
        its own (a bad page is rolled back alone); search indexing and redirects are written once for the
        batch, with the queue and progress, so a run stopped in the middle of a batch resumes at its start."""
        started, done = time.monotonic(), []
        with transaction.atomic(), deferred_search_indexing():
            self.start_batch()
            for entry in batch:
                self.record(self.process(entry.url))
                done.append(entry.pk)
                if time.monotonic() - started > BATCH_SECONDS:  # a polite crawl: progress shown, locks short
                    break
            self.finish_batch()
            QueuedUrl.objects.filter(pk__in=done).update(done=True)
            self.save_progress()

    def start_batch(self) -> None:
        self.last_child_paths.clear()  # read again from the database: a rolled-back batch left none
        self.pending_redirects.clear()

    def finish_batch(self) -> None:
        self.save_redirects()

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

    def save_progress(self) -> None:
        self.run.queued = QueuedUrl.objects.filter(run_id=self.run.pk).count()
        fields = ["processed", "queued", "imported", "updated", "unchanged", "skipped", "problems"]
        self.run.save(update_fields=fields)

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
        self.page_redirects.clear()
        try:
            item = extract(html, fetched.url, tree)
            with transaction.atomic():  # a savepoint in the batch's transaction
                outcome = self.write(fetched.url, item, aliases={url, fetched.url})
            self.pending_redirects.update(self.page_redirects)  # only what a written page left
            return outcome
        except NotImportable as error:
            return Outcome(url, "skipped", str(error))
        except Exception as error:  # a bad page is reported and skipped, never stops the run
            logger.exception("Could not import %s", url)
            return Outcome(url, "skipped", f"Lỗi khi nhập: {type(error).__name__}: {error}"[:500])
