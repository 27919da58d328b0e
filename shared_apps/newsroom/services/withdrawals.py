""" "Gỡ tin" (withdraw with a public reason) and "Đính chính" (correct) a national item, and their report.

Both record a `NationalNotice` and cascade through the delivery outbox, in the same transaction:

- withdrawing unpublishes the central original, which withdraws the item as an unpublish does
  (signals.py: every receiving province's delivery pending, its copy unpublished there, so it leaves
  the lists, the site search, the feeds and the sitemap, with Wagtail's `page_unpublished` purging
  nginx and the page save bumping the content version). What differs from an unpublish is the
  notice: a page of a withdrawn item that was once public is still served at its address, with the
  notice in place of its content (`withdrawal_in_force`, used by the pages' `route()`).
- correcting marks pending again the provinces that hold a copy, with their delivered revision
  forgotten, so each one's copy is delivered anew (a published revision, the purge, the version
  bump): the page then shows the notice with the corrected text.

The notices live once, in the public schema, beside the item's snapshot; a page reads them by the
item's key (a copy) or central page id (the original).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from tenant_apps.pages.caching import purge_page_and_its_lists
from tenant_apps.pages.fragments import content_changed
from tenants.schemas import in_public_schema

from ..errors import NewsroomError
from ..models import Delivery, NationalNotice, SyndicatedItem
from ..tasks import queue_fan_out
from .fanout import mark_pending

WITHDRAWAL, CORRECTION = NationalNotice.Kind.WITHDRAWAL, NationalNotice.Kind.CORRECTION
NOTICE_MAX_LENGTH = 2000


def _clean_text(text: str, label: str) -> str:
    text = (text or "").strip()
    if not text:
        raise NewsroomError(f"Hãy nhập {label}.")
    if len(text) > NOTICE_MAX_LENGTH:
        raise NewsroomError(f"{label.capitalize()} dài quá {NOTICE_MAX_LENGTH} ký tự.")
    return text


def _central_page(item: SyndicatedItem):
    from ..pages.models import NationalDocumentPage, NationalNewsPage

    model = NationalNewsPage if item.kind == "news" else NationalDocumentPage
    page = model.objects.filter(pk=item.central_page_id).first()
    if page is None:
        raise NewsroomError("Không tìm thấy bài gốc của tin này ở trang Trung ương.")
    return page


def withdraw_item(item: SyndicatedItem, reason: str, *, user) -> NationalNotice:
    """ "Gỡ tin": the notice, then the original unpublished, which withdraws every copy (public schema)."""
    if not in_public_schema():
        raise NewsroomError("Chỉ Trung ương được gỡ tin toàn ngành.")
    reason = _clean_text(reason, "lý do gỡ tin")
    with transaction.atomic():
        item = SyndicatedItem.objects.select_for_update().get(pk=item.pk)
        if not item.is_live:
            raise NewsroomError("Tin này đã gỡ hoặc đã ngừng đăng.")
        notice = NationalNotice.objects.create(item=item, kind=WITHDRAWAL, text=reason, created_by=user.get_username())
        # The original's page_unpublished withdraws the item and marks every province pending (signals.py).
        _central_page(item).unpublish(user=user)
    return notice


def correct_item(item: SyndicatedItem, text: str, *, user) -> NationalNotice:
    """ "Đính chính": the notice, shown on the original at once and on each copy once delivered again."""
    if not in_public_schema():
        raise NewsroomError("Chỉ Trung ương được đính chính tin toàn ngành.")
    text = _clean_text(text, "nội dung đính chính")
    with transaction.atomic():
        item = SyndicatedItem.objects.select_for_update().get(pk=item.pk)
        if not item.is_live:
            raise NewsroomError("Tin này đã gỡ hoặc đã ngừng đăng: không thể đính chính.")
        notice = NationalNotice.objects.create(item=item, kind=CORRECTION, text=text, created_by=user.get_username())
        holding = Delivery.objects.filter(item=item, status=Delivery.Status.DELIVERED, copy_page_id__isnull=False)
        provinces = [delivery.province for delivery in holding.select_related("province")]
        mark_pending([item.pk], provinces)
        Delivery.objects.filter(item=item, province__in=provinces).update(delivered_revision_id=None)
        original = _central_page(item)
        content_changed()
        transaction.on_commit(partial(purge_page_and_its_lists, type(original), original))
        transaction.on_commit(partial(queue_fan_out, item.pk))
    return notice


# --- What pages show -----------------------------------------------------------------------------


@dataclass
class Notices:
    """The notices a page of a national item shows: the withdrawal in force, and the corrections."""

    withdrawal: NationalNotice | None = None
    corrections: list[NationalNotice] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.withdrawal is not None or bool(self.corrections)


def _item_filter(*, key=None, central_page_id=None) -> Q:
    return Q(item__key=key) if key is not None else Q(item__central_page_id=central_page_id)


def notices_for(*, key=None, central_page_id=None) -> Notices:
    """The notices of the item with this key (a province's copy) or central page (the original), newest
    first; the withdrawal only while it is in force (the item not published again since). One query."""
    notices = list(
        NationalNotice.objects.filter(_item_filter(key=key, central_page_id=central_page_id)).select_related("item")
    )
    result = Notices(corrections=[notice for notice in notices if notice.kind == CORRECTION])
    withdrawals = [notice for notice in notices if notice.kind == WITHDRAWAL]
    if withdrawals and _in_force(withdrawals[0]):
        result.withdrawal = withdrawals[0]
    return result


def _in_force(notice: NationalNotice) -> bool:
    item = notice.item
    return not item.is_live and (item.last_published_at is None or item.last_published_at <= notice.created_at)


def withdrawal_in_force(*, key=None, central_page_id=None) -> bool:
    """Whether a once-public page of this item is to be served with its withdrawal notice."""
    return notices_for(key=key, central_page_id=central_page_id).withdrawal is not None


# --- What a province may not do to a withdrawn copy ---------------------------------------------------


def republish_refusal(page, action: str = "đăng lại") -> str | None:
    """The Vietnamese refusal if `page` is a province's copy of an item the centre withdrew ("Gỡ tin") and
    has not published again, else None. Publishing such a copy, in any way, is refused with it; so is
    copying it (`action="sao chép"`): the copy would have no national key and could go out as the board's own."""
    if in_public_schema():
        return None
    lookup = getattr(page.specific_deferred, "national_item_lookup", lambda: None)()
    if not lookup or not withdrawal_in_force(**lookup):
        return None
    return _republish_refusal(page.title, action)


def _republish_refusal(title: str, action: str = "đăng lại") -> str:
    return (
        f"Không thể {action} «{title}»: Bảo hiểm xã hội Việt Nam đã gỡ tin này và công bố lý do. "
        "Tin chỉ được đăng lại khi Trung ương đăng lại bài gốc."
    )


class WithdrawnCopyPublishRefused(PermissionDenied):
    """Raised when a withdrawn copy is about to be saved as published by a path without a friendlier refusal."""


def refuse_publishing_withdrawn_copy(page, update_fields=None) -> None:
    """The last guard, before a copy's row is written: a publication of a withdrawn copy raises.

    A publication writes `live` and a new `live_revision`; other writes (a draft, the withdrawal's own
    unpublish, a move) pass. One query for a live copy, a second only when its item is withdrawn.
    """
    if not page.live or not getattr(page, "syndication_key", None) or page.pk is None or in_public_schema():
        return
    if update_fields is not None and not {"live", "live_revision"} & set(update_fields):
        return
    if not withdrawal_in_force(key=page.syndication_key):
        return
    was = type(page).objects.filter(pk=page.pk).values_list("live", "live_revision_id").first()
    if was is not None and was == (True, page.live_revision_id):
        return  # already live with this revision: not a publication (the cascade has not reached it yet)
    raise WithdrawnCopyPublishRefused(_republish_refusal(page.title))


# --- The centre's completion report ------------------------------------------------------------------

DONE_STATUSES = (Delivery.Status.DELIVERED, Delivery.Status.WITHDRAWN, Delivery.Status.ORIGINAL)


@dataclass
class CascadeRow:
    province_name: str
    state: str  # done | pending | failed
    label: str
    attempts: int
    error: str
    when: object


@dataclass
class CascadeReport:
    notice: NationalNotice
    rows: list[CascadeRow]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    @property
    def done(self) -> int:
        return self.count("done")

    @property
    def pending(self) -> int:
        return self.count("pending")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def complete(self) -> bool:
        return self.done == len(self.rows)


STATE_LABELS = {"done": "Đã hoàn tất", "pending": "Đang chờ", "failed": "Lỗi"}


def cascade_report(notice: NationalNotice) -> CascadeReport:
    """Per province, the state of the work this notice queued (the item's deliveries queued since it).

    A later notice or edit queues the same rows again: each report shows where the item stands now.
    """
    deliveries = (
        Delivery.objects.filter(item_id=notice.item_id, queued_at__gte=notice.created_at)
        .select_related("province")
        .order_by("province__name")
    )
    rows = []
    for delivery in deliveries:
        if delivery.status in DONE_STATUSES:
            state = "done"
        elif delivery.status == Delivery.Status.FAILED:
            state = "failed"
        else:
            state = "pending"
        when = delivery.withdrawn_at if notice.kind == WITHDRAWAL else delivery.delivered_at
        rows.append(
            CascadeRow(
                province_name=delivery.province.name,
                state=state,
                label=STATE_LABELS[state],
                attempts=delivery.attempts,
                error=delivery.error if state == "failed" else "",
                when=when if state == "done" else delivery.last_attempt_at,
            )
        )
    return CascadeReport(notice=notice, rows=rows)


def recent_notices(limit: int = 50) -> list[NationalNotice]:
    return list(NationalNotice.objects.select_related("item")[:limit])
