"""Delivery (run inside a province's schema by the delivery task) and the province's receiving policy.

`deliver_national_item()` makes the province's copy match the item — created, updated or
unpublished — and records the outcome. It is idempotent: the copy carries the item's key (unique),
and deliveries of one item to one province are serialised by a row lock on their `Delivery`.
"""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tenants.utils import get_public_schema_name
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, WorkflowState
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from tenant_apps.documents.models import DocumentIndexPage, LegalDocumentPage
from tenant_apps.news.models import DEFAULT_CATEGORIES, NewsCategory, NewsIndexPage, NewsPage
from tenants.models import Province
from tenants.schemas import current_province

from ..errors import NewsroomError
from ..indexing import deferred_search_indexing
from ..models import Delivery, NationalItemKind, Nomination, SyndicatedItem, SyndicationPolicy
from ..transfer import import_files
from . import must_carry
from .snapshots import fill_article, fill_document

NATIONAL_CATEGORY_SLUG = "tin-toan-nganh"


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
        if original_id := _nominated_original(item, province):
            if delivery.status != Delivery.Status.ORIGINAL or delivery.copy_page_id != original_id:
                delivery.status, delivery.copy_page_id = Delivery.Status.ORIGINAL, original_id
                delivery.error, delivery.next_retry_at, delivery.awaiting_approval = "", None, False
                delivery.save(update_fields=["status", "copy_page_id", "error", "next_retry_at", "awaiting_approval"])
            return delivery
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
                mode = must_carry.receiving_mode_for(item, province, receiving_mode(province))
                copy, delivery.awaiting_approval = _place_copy(item, copy, model, mode)
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
        if not must_carry.is_recipient(item_id, province):  # gone, or not meant for this province
            return None
        Delivery.objects.get_or_create(item_id=item_id, province_id=province.pk)
        delivery = lock.get(item_id=item_id, province_id=province.pk)
    return delivery


def _nominated_original(item: SyndicatedItem, province: Province) -> int | None:
    """The id of the province's own article that the centre accepted as this item, if it nominated it.

    That province keeps its original and gets no copy, neither now nor on later edits or withdrawal.
    """
    nomination = Nomination.objects.filter(
        province=province, national_page_id=item.central_page_id, status=Nomination.Status.ACCEPTED
    )
    return nomination.values_list("source_page_id", flat=True).first()


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
        fill_article(copy, payload, copies)
        copy.category = national_category()
    else:
        fill_document(copy, payload, copies)
    must_carry.place(copy, item)
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


def record_delivery_failure(item_id: int, error: Exception) -> float | None:
    """Record a failed attempt in the current province (outside the rolled-back delivery).

    Returns the seconds until the next try, or None once `NEWSROOM_DELIVERY_MAX_RETRIES` retries
    have failed. The count is the delivery's own (`attempts`, set back to 0 whenever the work is
    queued anew), so a delivery sent again by the sweep does not start a fresh series of retries.
    """
    province = current_province()
    if not SyndicatedItem.objects.filter(pk=item_id).exists():
        return None
    message = str(error) if isinstance(error, NewsroomError) else f"{type(error).__name__}: {error}"
    now = timezone.now()
    with transaction.atomic():
        delivery, _ = Delivery.objects.select_for_update().get_or_create(item_id=item_id, province_id=province.pk)
        attempts = delivery.attempts + 1
        retry_in = retry_delay(attempts - 1) if attempts <= settings.NEWSROOM_DELIVERY_MAX_RETRIES else None
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.FAILED,
            attempts=attempts,
            error=message[:2000],
            last_attempt_at=now,
            next_retry_at=now + timedelta(seconds=retry_in) if retry_in is not None else None,
        )
    return retry_in


def retry_delay(retries_so_far: int) -> float:
    """Seconds before the next attempt: exponential backoff from the settings, capped."""
    delay = settings.NEWSROOM_RETRY_BACKOFF_SECONDS * (2**retries_so_far)
    return min(delay, settings.NEWSROOM_RETRY_BACKOFF_MAX_SECONDS)
