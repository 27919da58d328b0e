"""State changes of the national newsroom (founding letter §8.2): syndication and news exchange.

Central side (public schema): `record_national_publication()` / `record_national_withdrawal()` keep
one `SyndicatedItem` per national page; `prepare_deliveries()` marks it pending in every receiving
province before the fan-out task sends one delivery task per province.

Province side (run inside the province's schema by the delivery task): `deliver_national_item()`
makes the province's copy match the item — created, updated or unpublished — and records the
outcome. It is idempotent: the copy carries the item's key (unique), and deliveries of one item to
one province are serialised by a row lock on their `Delivery`.

Exchange: `nominate_article()` (province), `accept_nomination()` / `decline_nomination()` (centre).
"""

from __future__ import annotations

import time
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django_tenants.utils import get_public_schema_name
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, WorkflowState
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from tenant_apps.documents.models import (
    DocumentIndexPage,
    LegalDocumentAttachment,
    LegalDocumentFields,
    LegalDocumentPage,
)
from tenant_apps.news.models import DEFAULT_CATEGORIES, NewsArticleFields, NewsCategory, NewsIndexPage, NewsPage
from tenants.models import Province
from tenants.schemas import current_province, in_public_schema

from .indexing import deferred_search_indexing
from .models import Delivery, LocalArticle, NationalItemKind, Nomination, SyndicatedItem, SyndicationPolicy
from .pages.models import NationalDocumentIndexPage, NationalDocumentPage, NationalNewsIndexPage, NationalNewsPage
from .selectors import receiving_provinces
from .transfer import FileRef, document_ref, export_rich_text, image_ref, import_files, localise_rich_text, unique_refs

NATIONAL_CATEGORY_SLUG = "tin-toan-nganh"
CENTRAL_SOURCE = "Bảo hiểm xã hội Việt Nam"


class NewsroomError(Exception):
    """A refusal or a failure, in one Vietnamese line fit for a user or for the delivery matrix.

    `field` names the form input at fault, when there is one.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# --- Portable snapshots of pages --------------------------------------------------------------


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


def _fill_article(page: NewsPage | NationalNewsPage, payload: dict[str, Any], copies: dict[str, int]) -> None:
    _apply_basics(page, payload)
    _apply_field_values(page, NewsArticleFields, payload["fields"])
    page.body = localise_rich_text(payload["body"], copies)
    page.featured_image_id = copies.get(payload["featured_image"]) if payload["featured_image"] else None
    if not page.featured_image_id:
        page.featured_image_alt = ""
    page.is_featured = False  # each site's board chooses its own featured article
    page.tags.set(payload["tags"])


def _fill_document(page: LegalDocumentPage, payload: dict[str, Any], copies: dict[str, int]) -> None:
    _apply_basics(page, payload)
    _apply_field_values(page, LegalDocumentFields, payload["fields"])
    page.body = localise_rich_text(payload["body"], copies)
    attachments = [ref for ref in payload["attachments"] if ref in copies]
    page.attachments = [LegalDocumentAttachment(document_id=copies[ref]) for ref in attachments]
    page.replaces = list(LegalDocumentPage.objects.filter(syndication_key__in=payload["replaces"]))


# --- Central side ------------------------------------------------------------------------------


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


def _mark_pending(item_ids: list[int], provinces: list[Province]) -> None:
    now = timezone.now()
    Delivery.objects.bulk_create(
        [
            Delivery(item_id=item_id, province=province, status=Delivery.Status.PENDING, queued_at=now)
            for item_id in item_ids
            for province in provinces
        ],
        update_conflicts=True,
        unique_fields=["item", "province"],
        update_fields=["status", "queued_at", "next_retry_at"],
    )


def prepare_deliveries(item_id: int) -> list[Province]:
    """Mark one item pending in every receiving province (one statement); return those provinces."""
    if not SyndicatedItem.objects.filter(pk=item_id).exists():
        return []
    provinces = list(receiving_provinces())
    _mark_pending([item_id], provinces)
    return provinces


def prepare_backlog(province_id: int) -> tuple[Province | None, list[int]]:
    """For a province onboarded later: the newest live items it has not received yet, marked pending."""
    province = receiving_provinces().filter(pk=province_id).first()
    if province is None:
        return None, []
    newest = list(
        SyndicatedItem.objects.filter(is_live=True)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[: settings.NEWSROOM_BACKLOG_COUNT]
    )
    received = set(
        Delivery.objects.filter(province=province, item_id__in=newest, status=Delivery.Status.DELIVERED).values_list(
            "item_id", flat=True
        )
    )
    missing = [item_id for item_id in newest if item_id not in received]
    _mark_pending(missing, [province])
    return province, missing


def retry_failed_deliveries(item_id: int | None = None) -> list[Delivery]:
    """The centre's "retry failed" action: failed deliveries (of one item, or all) back to pending."""
    failed = Delivery.objects.filter(status=Delivery.Status.FAILED, province__status=Province.Status.ACTIVE)
    if item_id is not None:
        failed = failed.filter(item_id=item_id)
    deliveries = list(failed.select_related("province"))
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        status=Delivery.Status.PENDING, queued_at=timezone.now(), next_retry_at=None
    )
    return deliveries


def retry_delay(retries_so_far: int) -> float:
    """Seconds before the next attempt: exponential backoff from the settings, capped."""
    delay = settings.NEWSROOM_RETRY_BACKOFF_SECONDS * (2**retries_so_far)
    return min(delay, settings.NEWSROOM_RETRY_BACKOFF_MAX_SECONDS)


def ensure_newsroom_sections() -> tuple[NationalNewsIndexPage, NationalDocumentIndexPage]:
    """The central site's "Tin toàn ngành" and "Văn bản toàn ngành" sections (public schema; idempotent)."""
    from shared_apps.central.models import CentralHomePage

    home = CentralHomePage.objects.order_by("path").first()
    if home is None:
        raise NewsroomError("Trang Trung ương chưa có trang chủ.")
    sections = []
    for model, title, slug in (
        (NationalNewsIndexPage, "Tin toàn ngành", "tin-toan-nganh"),
        (NationalDocumentIndexPage, "Văn bản toàn ngành", "van-ban"),
    ):
        section = model.objects.order_by("path").first()
        if section is None:
            section = model(title=title, slug=find_available_slug(home, slug), show_in_menus=True)
            home.add_child(instance=section)
            section.save_revision().publish()
        sections.append(section)
    return sections[0], sections[1]


# --- Province side: delivery -----------------------------------------------------------------


def receiving_mode(province: Province) -> str:
    mode = SyndicationPolicy.objects.filter(province=province).values_list("mode", flat=True).first()
    return mode or SyndicationPolicy.Mode.AUTO_PUBLISH


def set_receiving_mode(province: Province, mode: str, *, username: str) -> SyndicationPolicy:
    policy, _ = SyndicationPolicy.objects.update_or_create(
        province=province, defaults={"mode": mode, "updated_by": username}
    )
    return policy


def national_category() -> NewsCategory:
    """The province's "Tin toàn ngành" category, recreated if the board deleted it."""
    name = dict((slug, name) for name, slug in DEFAULT_CATEGORIES)[NATIONAL_CATEGORY_SLUG]
    category, _ = NewsCategory.objects.get_or_create(
        slug=NATIONAL_CATEGORY_SLUG, defaults={"name": name, "sort_order": len(DEFAULT_CATEGORIES) - 1}
    )
    return category


def _receiving_section(model: type[Page]) -> Page:
    if model is NewsPage:
        section = NewsIndexPage.objects.order_by("path").first()
        message = "Trang của tỉnh không có chuyên mục Tin tức để nhận tin toàn ngành."
    else:
        section = DocumentIndexPage.objects.order_by("path").first()
        message = "Trang của tỉnh không có thư viện Văn bản để nhận văn bản toàn ngành."
    if section is None:
        raise NewsroomError(message)
    return section


def deliver_national_item(item_id: int) -> Delivery | None:
    """Make the current province's copy of a national item match it; record the outcome.

    Runs in the province's schema. A live item is created or updated (published, or submitted for
    approval, as the province's policy says); a withdrawn one is unpublished. Returns None when the
    item no longer exists. Raises on failure, leaving the copy as it was.
    """
    province = current_province()
    started = time.perf_counter()
    with transaction.atomic():
        delivery = _locked_delivery(item_id, province)
        if delivery is None:
            return None
        item = delivery.item
        model = NewsPage if item.kind == NationalItemKind.NEWS else LegalDocumentPage
        copy = model.objects.filter(syndication_key=item.key).first()
        if item.is_live and copy and _already_delivered(delivery, item):
            if delivery.status != Delivery.Status.DELIVERED:  # queued again, nothing new to deliver
                delivery.status, delivery.error, delivery.next_retry_at = Delivery.Status.DELIVERED, "", None
                delivery.save(update_fields=["status", "error", "next_retry_at"])
            return delivery

        now = timezone.now()
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.error, delivery.next_retry_at = "", None
        with deferred_search_indexing():  # the copy is indexed once, not after each of its saves
            if item.is_live:
                copy, delivery.awaiting_approval = _place_copy(item, copy, model, receiving_mode(province))
            else:
                _withdraw_copy(copy)
        if item.is_live:
            delivery.status, delivery.delivered_at, delivery.withdrawn_at = Delivery.Status.DELIVERED, now, None
            delivery.delivered_revision_id = item.revision_id
        else:
            delivery.status, delivery.withdrawn_at, delivery.awaiting_approval = Delivery.Status.WITHDRAWN, now, False
        delivery.copy_page_id = copy.pk if copy else None
        delivery.duration_ms = round((time.perf_counter() - started) * 1000)
        delivery.save()
    return delivery


def _locked_delivery(item_id: int, province: Province) -> Delivery | None:
    lock = Delivery.objects.select_for_update(of=("self",)).select_related("item")
    delivery = lock.filter(item_id=item_id, province_id=province.pk).first()
    if delivery is None:
        if not SyndicatedItem.objects.filter(pk=item_id).exists():
            return None
        Delivery.objects.get_or_create(item_id=item_id, province_id=province.pk)
        delivery = lock.get(item_id=item_id, province_id=province.pk)
    return delivery


def _already_delivered(delivery: Delivery, item: SyndicatedItem) -> bool:
    """This revision of the item was delivered (the copy exists): delivering it again changes nothing."""
    return delivery.delivered_revision_id == item.revision_id and delivery.status != Delivery.Status.WITHDRAWN


def _place_copy(item: SyndicatedItem, copy: Page | None, model: type[Page], mode: str) -> tuple[Page, bool]:
    """Create or update the copy; publish it, or submit it for approval. Returns (copy, awaiting approval)."""
    payload = item.payload
    copies = import_files(payload["files"], get_public_schema_name())
    is_new = copy is None
    old_title = None if is_new else copy.title
    if is_new:
        parent = _receiving_section(model)
        copy = model(syndication_key=item.key, slug=find_available_slug(parent, payload["slug"]), live=False)
    if model is NewsPage:
        _fill_article(copy, payload, copies)
        copy.category = national_category()
    else:
        _fill_document(copy, payload, copies)
    copy.canonical_url = item.url
    copy.first_published_at = item.first_published_at
    auto_publish = mode == SyndicationPolicy.Mode.AUTO_PUBLISH
    # The page may be saved more than once below; its references are indexed once, afterwards.
    with disable_reference_index_auto_update():
        if auto_publish:
            if is_new:
                _write_new_live_copy(copy, item, parent)
            else:
                _write_live_copy_update(copy, item, old_title)
        else:
            if is_new:
                parent.add_child(instance=copy)
            copy.save_revision(log_action=True, clean=not is_new)  # a new copy was cleaned when added
            _submit_for_approval(copy)
    ReferenceIndex.create_or_update_for_object(copy)
    return copy, not auto_publish


def _write_new_live_copy(copy: Page, item: SyndicatedItem, parent: Page) -> None:
    """Add the copy live, as the published revision of itself (see `_mark_live`)."""
    _mark_live(copy, item)
    parent.add_child(instance=copy)  # Wagtail logs the creation
    revision = _live_revision_of(copy)
    Page.objects.filter(pk=copy.pk).update(
        latest_revision=revision, live_revision=revision, latest_revision_created_at=revision.created_at
    )
    _log_publication(copy, revision)
    page_published.send(sender=type(copy), instance=copy, revision=revision)


def _write_live_copy_update(copy: Page, item: SyndicatedItem, old_title: str) -> None:
    """Save the updated copy live in one page write, superseding whatever the province had pending."""
    _mark_live(copy, item)
    if state := copy.current_workflow_state:  # a copy still awaiting the province's approval
        state.cancel()
    copy.revisions.update(approved_go_live_at=None)  # no publication scheduled in the province overrides this
    revision = _live_revision_of(copy)
    copy.save(clean=False)  # validated as the central page; the copy keeps its place and slug
    _log_publication(copy, revision, old_title)
    copy.update_aliases(revision=revision, _content=revision.content)
    page_published.send(sender=type(copy), instance=copy, revision=revision)


def _mark_live(copy: Page, item: SyndicatedItem) -> None:
    """Set on the copy what `save_revision().publish()` would leave on a page.

    Automatic delivery writes the copy directly: one revision, both latest and live, the history
    entries and `page_published` (the cache purge listens), without Wagtail's general publishing
    path, which saves the page three times, validates it twice and serves scheduling and comments
    that a delivered copy does not have.
    """
    copy.live, copy.has_unpublished_changes, copy.expired = True, False, False
    copy.last_published_at = item.last_published_at


def _live_revision_of(copy: Page) -> Revision:
    revision = Revision.objects.create(
        content_object=copy,
        base_content_type=copy.get_base_content_type(),
        content=copy.serializable_data(),
        object_str=str(copy),
        created_at=timezone.now(),
    )
    copy.latest_revision = copy.live_revision = revision
    copy.latest_revision_created_at = revision.created_at
    return revision


def _log_publication(copy: Page, revision: Revision, old_title: str | None = None) -> None:
    """The "published" entry of the copy's history, after a "renamed" one if the title changed (one query)."""
    renamed = old_title is not None and old_title != copy.title
    actions = ["wagtail.rename", "wagtail.publish"] if renamed else ["wagtail.publish"]
    data = {"title": {"old": old_title, "new": copy.title}} if renamed else {}
    shared_uuid, now = uuid.uuid4(), timezone.now()
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type_id=copy.content_type_id,
            page_id=copy.pk,
            label=copy.get_admin_display_title(),
            action=action,
            data=data,
            timestamp=now,
            uuid=shared_uuid,
            revision=revision,
            content_changed=action == "wagtail.publish",
        )
        for action in actions
    )


def _submit_for_approval(copy: Page) -> None:
    """Put the new revision in the province's workflow, if one applies; otherwise it stays a draft."""
    workflow = copy.get_workflow()
    if workflow is None:
        return
    state = copy.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.cancel()
        state = None
    if state is None:
        workflow.start(copy, user=None)
    # A workflow already in progress approves the latest revision, which is this one.


def _withdraw_copy(copy: Page | None) -> None:
    if copy is None:
        return
    state = copy.current_workflow_state
    if state:
        state.cancel()
    if copy.live:
        copy.unpublish()


def record_delivery_failure(item_id: int, error: Exception, *, retry_in: float | None) -> None:
    """Record a failed attempt in the current province (outside the rolled-back delivery)."""
    province = current_province()
    if not SyndicatedItem.objects.filter(pk=item_id).exists():
        return
    message = str(error) if isinstance(error, NewsroomError) else f"{type(error).__name__}: {error}"
    now = timezone.now()
    delivery, _ = Delivery.objects.get_or_create(item_id=item_id, province_id=province.pk)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED,
        attempts=models.F("attempts") + 1,
        error=message[:2000],
        last_attempt_at=now,
        next_retry_at=now + timedelta(seconds=retry_in) if retry_in is not None else None,
    )


# --- Exchange: nominations ------------------------------------------------------------------


def nominate_article(article: NewsPage, *, note: str, username: str) -> Nomination:
    """A province editor offers one of the province's published articles to the centre."""
    province = current_province()
    if in_public_schema():
        raise NewsroomError("Chỉ trang quản trị của tỉnh mới đề xuất tin về Trung ương.")
    if not article.live:
        raise NewsroomError("Chỉ đề xuất được bài đã đăng.", "article")
    if article.syndication_key:
        raise NewsroomError("Bài nhận từ Trung ương không đề xuất lại được.", "article")
    open_statuses = [Nomination.Status.PENDING, Nomination.Status.ACCEPTED]
    if Nomination.objects.filter(province=province, source_page_id=article.pk, status__in=open_statuses).exists():
        raise NewsroomError("Bài này đã được đề xuất về Trung ương.", "article")
    payload = news_payload(article)
    try:
        with transaction.atomic():
            return Nomination.objects.create(
                province=province,
                source_page_id=article.pk,
                source_url=article.get_full_url() or "",
                title=article.title,
                summary=article.summary,
                author=article.author,
                published_at=article.first_published_at,
                payload=payload,
                note=note,
                nominated_by=username,
            )
    except IntegrityError as error:  # the same article nominated twice at once
        raise NewsroomError("Bài này đã được đề xuất về Trung ương.", "article") from error


def _pending_nomination(nomination_id: int) -> Nomination:
    nomination = Nomination.objects.select_for_update().select_related("province").get(pk=nomination_id)
    if nomination.status != Nomination.Status.PENDING:
        raise NewsroomError("Đề xuất này đã được xử lý.")
    return nomination


def accept_nomination(nomination_id: int, *, user, publish: bool) -> NationalNewsPage:
    """The centre accepts a nomination: a national article crediting the province (published or draft)."""
    with transaction.atomic():
        nomination = _pending_nomination(nomination_id)
        index = NationalNewsIndexPage.objects.order_by("path").first()
        if index is None:
            raise NewsroomError("Trang Trung ương chưa có mục Tin toàn ngành để đăng tin.")
        province = nomination.province
        payload = nomination.payload
        copies = import_files(payload["files"], province.schema_name)
        page = NationalNewsPage(slug=find_available_slug(index, payload["slug"]), live=False, owner=user)
        _fill_article(page, payload, copies)
        page.source = page.source or province.office_name
        page.contributed_by = province.office_name
        page.original_url = nomination.source_url
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
        nomination.status = Nomination.Status.ACCEPTED
        nomination.decided_by, nomination.decided_at = user.get_username(), timezone.now()
        nomination.national_page_id = page.pk
        nomination.save()
    return page


def decline_nomination(nomination_id: int, *, reason: str, username: str) -> Nomination:
    reason = reason.strip()
    if not reason:
        raise NewsroomError("Hãy nêu lý do từ chối.", "reason")
    with transaction.atomic():
        nomination = _pending_nomination(nomination_id)
        nomination.status, nomination.decline_reason = Nomination.Status.DECLINED, reason
        nomination.decided_by, nomination.decided_at = username, timezone.now()
        nomination.save()
    return nomination


# --- "Tin từ các địa phương" -----------------------------------------------------------------


def record_local_article(page: NewsPage) -> None:
    """A province published an article of its own: keep it in the central stream (newest few only)."""
    if in_public_schema() or page.syndication_key or page.get_view_restrictions().exists():
        return
    province = current_province()
    url_parts = page.get_url_parts()
    LocalArticle.objects.update_or_create(
        province_id=province.pk,
        page_id=page.pk,
        defaults={
            "title": page.title[:255],
            "summary": Truncator(page.summary).chars(300),
            "path": url_parts[2] if url_parts else "/",
            "published_at": page.first_published_at or timezone.now(),
        },
    )
    keep = settings.NEWSROOM_LOCAL_STREAM_PER_PROVINCE
    older = LocalArticle.objects.filter(province_id=province.pk).order_by("-published_at", "-pk")[keep:]
    LocalArticle.objects.filter(pk__in=list(older.values_list("pk", flat=True))).delete()


def forget_local_article(page_id: int) -> None:
    """A province unpublished or deleted an article: it leaves the central stream."""
    if in_public_schema():
        return
    LocalArticle.objects.filter(province_id=current_province().pk, page_id=page_id).delete()
