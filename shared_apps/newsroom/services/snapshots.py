"""Portable snapshots of pages (founding letter §8.2): what a national item or a nomination carries.

`record_national_publication()` / `record_national_withdrawal()` keep one `SyndicatedItem` per
national page, in the public schema; `fill_article()` / `fill_document()` write a snapshot back
into a page (a province's copy, or the centre's page for an accepted nomination).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from wagtail.models import Page

from tenant_apps.documents.models import LegalDocumentAttachment, LegalDocumentFields, LegalDocumentPage
from tenant_apps.news.models import NewsArticleFields, NewsPage

from ..models import NationalItemKind, SyndicatedItem
from ..pages.models import NationalDocumentPage, NationalNewsPage
from ..transfer import FileRef, document_ref, export_rich_text, image_ref, localise_rich_text, unique_refs

CENTRAL_SOURCE = "Bảo hiểm xã hội Việt Nam"


def _field_values(page: Page, base: type[models.Model], skip: set[str]) -> dict[str, Any]:
    """The plain (non-relation) fields that `base` gives `page`, by name."""
    return {
        field.name: field.value_from_object(page)
        for field in base._meta.get_fields()
        if field.concrete and not field.is_relation and field.name not in skip
    }


def _apply_field_values(page: Page, base: type[models.Model], values: dict[str, Any]) -> None:
    for field in base._meta.get_fields():
        if field.concrete and not field.is_relation and field.name in values:
            setattr(page, field.attname, field.to_python(values[field.name]))


def _page_basics(page: Page) -> dict[str, Any]:
    return {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
    }


def news_payload(page: NewsPage | NationalNewsPage) -> dict[str, Any]:
    """An article (province or national) as portable data: its fields, rich text, tags and files."""
    body, files = export_rich_text(page.body)
    featured = image_ref(page.featured_image) if page.featured_image_id else None
    if featured:
        files.append(featured)
    return {
        "kind": NationalItemKind.NEWS,
        **_page_basics(page),
        "fields": _field_values(page, NewsArticleFields, skip={"body"}),
        "body": body,
        "featured_image": featured["ref"] if featured else None,
        "tags": sorted(tag.name for tag in page.tags.all()),
        "files": unique_refs(files),
    }


def document_payload(page: NationalDocumentPage) -> dict[str, Any]:
    """A national legal document as portable data: its metadata, attachments and what it replaces."""
    body, files = export_rich_text(page.body)
    attachments: list[FileRef] = [document_ref(attachment.document) for attachment in page.attachments.all()]
    replaced_ids = [replaced.pk for replaced in page.replaces.all()]
    replaced_keys = SyndicatedItem.objects.filter(central_page_id__in=replaced_ids).values_list("key", flat=True)
    return {
        "kind": NationalItemKind.DOCUMENT,
        **_page_basics(page),
        "fields": _field_values(page, LegalDocumentFields, skip={"body"}),
        "body": body,
        "attachments": [file["ref"] for file in attachments],
        "replaces": [str(key) for key in replaced_keys],
        "files": unique_refs(files + attachments),
    }


def _apply_basics(page: Page, payload: dict[str, Any]) -> None:
    page.title = page.draft_title = payload["title"]
    page.seo_title = payload["seo_title"]
    page.search_description = payload["search_description"]


def fill_article(page: NewsPage | NationalNewsPage, payload: dict[str, Any], copies: dict[str, int]) -> None:
    _apply_basics(page, payload)
    _apply_field_values(page, NewsArticleFields, payload["fields"])
    page.body = localise_rich_text(payload["body"], copies)
    page.featured_image_id = copies.get(payload["featured_image"]) if payload["featured_image"] else None
    if not page.featured_image_id:
        page.featured_image_alt = ""
    page.is_featured = False  # each site's board chooses its own featured article
    page.tags.set(payload["tags"])


def fill_document(page: LegalDocumentPage, payload: dict[str, Any], copies: dict[str, int]) -> None:
    _apply_basics(page, payload)
    _apply_field_values(page, LegalDocumentFields, payload["fields"])
    page.body = localise_rich_text(payload["body"], copies)
    attachments = [ref for ref in payload["attachments"] if ref in copies]
    page.attachments = [LegalDocumentAttachment(document_id=copies[ref]) for ref in attachments]
    page.replaces = list(LegalDocumentPage.objects.filter(syndication_key__in=payload["replaces"]))


def record_national_publication(page: NationalNewsPage | NationalDocumentPage, revision=None) -> SyndicatedItem:
    """Snapshot a national page just published (or re-published after an edit) and mark it live.

    The caller queues the fan-out once the transaction commits.
    """
    is_news = isinstance(page, NationalNewsPage)
    payload = news_payload(page) if is_news else document_payload(page)
    if is_news and not payload["fields"]["source"]:
        payload["fields"]["source"] = CENTRAL_SOURCE
    item, _ = SyndicatedItem.objects.update_or_create(
        central_page_id=page.pk,
        defaults={
            "kind": payload["kind"],
            "title": page.title,
            "url": page.get_full_url() or "",
            "is_live": True,
            "revision_id": revision.pk if revision else page.live_revision_id,
            "payload": payload,
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "withdrawn_at": None,
        },
    )
    return item


def record_national_withdrawal(page_id: int) -> SyndicatedItem | None:
    """Mark the national item of a page unpublished (or deleted) as withdrawn; None if it never went out."""
    item = SyndicatedItem.objects.filter(central_page_id=page_id, is_live=True).first()
    if item is None:
        return None
    item.is_live, item.withdrawn_at = False, timezone.now()
    item.save(update_fields=["is_live", "withdrawn_at", "updated_at"])
    return item
