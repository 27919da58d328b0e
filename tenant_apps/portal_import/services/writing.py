"""What an extracted page becomes: a news article, a legal document, an answered question or a plain page,
created live (dated as on the old site) or updated when the old page changed."""

from __future__ import annotations

import datetime
import hashlib
import posixpath
from urllib.parse import urlsplit

from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from tenant_apps.documents.models import (
    DocumentField,
    DocumentStatus,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentPage,
)
from tenant_apps.news.models import NewsCategory, NewsPage
from tenant_apps.pages.models import ContentPage
from tenant_apps.qa.models import Question, Topic
from tenant_apps.search.text import fold

from ..extraction import Extracted, NotImportable, parse_date
from ..models import ImportedItem, SectionMapping
from ..richtext import to_rich_text
from .common import PAGE_KINDS, Kind, Outcome

DEFAULT_AUTHOR = "Ban Biên tập"


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


class PageWriter:
    """Writes one extracted page (mixed into `PortalImporter`, whose run, site and sections it uses)."""

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
        with disable_reference_index_auto_update():
            obj, new_url, old_links = writer(url, item, existing, category)
        if not old_links:  # else `relink_pages()` records its references once its links are pointed
            ReferenceIndex.create_or_update_for_object(obj)
        fields = {
            "kind": item.kind,
            "object_id": obj.pk,
            "new_url": new_url,
            "content_hash": content_hash,
            "fingerprint": fingerprint,
            "has_old_links": old_links,
            "run_id": self.run.pk,
        }
        imported = self.remember(known, url, fields)
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
            html, old_host=self.old_host, pictures=item.pictures, image_for=self.image_for, links_for=self.links_for
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
            self.add_child(parent, page)
            return page
        for name, value in fields.items():
            setattr(page, name, value)
        self.save_live(page)
        return page

    def add_child(self, parent: Page, page: Page) -> None:
        """treebeard's `add_child` without its per-page cost: the parent's last child is read once a batch,
        and the page skips `full_clean()` (its slug was made free above, its other fields are ours), which
        read the tree, the site roots and every unique field again for each page."""
        last = self.last_child_paths.get(parent.pk)
        if last is None:  # as treebeard: lock the parent (until the batch commits), then read its last child
            Page.objects.select_for_update().filter(pk=parent.pk).values_list("pk").get()
            children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            last = children.order_by("-path").values_list("path", flat=True).first() or ""
        page.depth = parent.depth + 1
        page.path = Page(path=last)._inc_path() if last else Page._get_path(parent.path, page.depth, 1)
        page.numchild, page.draft_title, page.locale_id = 0, page.title, parent.locale_id
        page._cached_parent_obj, page._is_site_root = parent, False
        page.save(clean=False)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        parent.numchild += 1  # as treebeard does: the parent in memory stays true
        self.last_child_paths[parent.pk] = page.path

    @staticmethod
    def save_live(page: Page) -> None:
        """Save a live page; once editors have given it revisions, the new content is its latest, live one,
        so the editor does not open an older version."""
        page.save()
        if page.latest_revision_id:
            revision = page.save_revision(clean=False)
            type(page).objects.filter(pk=page.pk).update(live_revision=revision, has_unpublished_changes=False)
