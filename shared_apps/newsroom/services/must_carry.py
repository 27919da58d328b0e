"""Targeting and must-carry of national items (issue 19), in the public schema's shared tables.

- Targeting: a national page goes to every receiving province (no `Distribution`, or "all"), or only to
  chosen groups and/or provinces. The outbox marks pending only the provinces it targets, and a delivery
  task that reaches a province neither targeted nor already holding a copy delivers nothing.
- Must-carry ("bắt buộc đăng"): the copy is published whatever the province's receiving policy, placed as
  the centre says (featured on the home page, or in a news category), and while its window is open the
  province's admin refuses to unpublish, delete or move it, or to edit it out of its placement
  (see `must_carry_hooks.py`); the home page gives it the featured slot (tenant_apps/home/selectors.py).
- Acknowledgement ("Đã tiếp nhận"): the province's board records that it has taken note of an item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.forms import CheckboxInput
from django.utils import timezone
from wagtail.models import Page

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import DEFAULT_CATEGORIES, NewsCategory, NewsPage
from tenants.models import Province
from tenants.schemas import current_province, in_public_schema

from ..errors import NewsroomError
from ..models import Delivery, Distribution, ProvinceGroup, Receipt, SyndicatedItem, SyndicationPolicy
from ..selectors import receiving_provinces

Placement = Distribution.Placement
SECTION_NAMES = {slug: name for name, slug in DEFAULT_CATEGORIES}
DOCUMENT_PLACEMENT = "Thư viện văn bản"


# --- Targeting ------------------------------------------------------------------------------------


def distribution_of(central_page_id: int) -> Distribution | None:
    return Distribution.objects.filter(central_page_id=central_page_id).first()


def targets_province(province: Province) -> Q:
    """Filter of `SyndicatedItem`s meant for `province`: no distribution, "all", or it is chosen."""
    distribution = Distribution.objects.filter(central_page_id=OuterRef("central_page_id"))
    chosen = distribution.filter(Q(to_all=True) | Q(provinces=province) | Q(groups__provinces=province))
    return ~Exists(distribution) | Exists(chosen)


def targeted_provinces(central_page_id: int) -> QuerySet[Province]:
    """The receiving provinces a national page is meant for."""
    provinces = receiving_provinces()
    distribution = distribution_of(central_page_id)
    if distribution is None or distribution.to_all:
        return provinces
    return provinces.filter(
        Q(targeted_distributions=distribution) | Q(newsroom_groups__distribution=distribution)
    ).distinct()


def recipients(item_id: int) -> list[Province]:
    """Whom publishing, editing or withdrawing an item goes to: the provinces it targets, and those that
    already hold a copy (narrowing the targeting later takes back nothing; withdrawal reaches them)."""
    item = SyndicatedItem.objects.only("central_page_id").get(pk=item_id)
    targeted = set(targeted_provinces(item.central_page_id).values_list("pk", flat=True))
    holding = set(Delivery.objects.filter(item_id=item_id).values_list("province_id", flat=True))
    return list(receiving_provinces().filter(pk__in=targeted | holding))


def is_recipient(item_id: int, province: Province) -> bool:
    """A delivery may run here: the item exists and targets the province, or the province has its row."""
    if Delivery.objects.filter(item_id=item_id, province=province).exists():
        return True
    item = SyndicatedItem.objects.filter(pk=item_id).values_list("central_page_id", flat=True).first()
    return item is not None and targeted_provinces(item).filter(pk=province.pk).exists()


# --- Must-carry: the order, its window, its placement -----------------------------------------------


def window_is_open(distribution: Distribution | None, day: date | None = None) -> bool:
    if distribution is None or not distribution.must_carry:
        return False
    day = day or timezone.localdate()
    return distribution.carry_from <= day <= distribution.carry_until


def carry_order(item: SyndicatedItem) -> Distribution | None:
    """The item's must-carry order while it still applies (its window not over), else None."""
    distribution = distribution_of(item.central_page_id)
    if distribution and distribution.must_carry and distribution.carry_until >= timezone.localdate():
        return distribution
    return None


def receiving_mode_for(item: SyndicatedItem, province: Province, mode: str) -> str:
    """A must-carry item is published at once, whatever the province's receiving policy (`mode`)."""
    return SyndicationPolicy.Mode.AUTO_PUBLISH if carry_order(item) else mode


def placement_label(distribution: Distribution, kind: str = "news") -> str:
    if kind != "news":
        return DOCUMENT_PLACEMENT
    if distribution.placement == Placement.SECTION:
        return f"Chuyên mục «{SECTION_NAMES.get(distribution.section_slug, distribution.section_slug)}»"
    return str(Placement.HOME_FEATURED.label)


def place(copy: Page, item: SyndicatedItem) -> None:
    """Inside a delivery, before the copy is written: put it where a must-carry order says, and record it."""
    order = carry_order(item)
    if order is None:
        return
    if isinstance(copy, NewsPage):
        if order.placement == Placement.SECTION:
            copy.category, _ = NewsCategory.objects.get_or_create(
                slug=order.section_slug,
                defaults={"name": SECTION_NAMES.get(order.section_slug, order.section_slug)},
            )
        else:
            copy.is_featured = True
    Receipt.objects.update_or_create(
        item=item,
        province=current_province(),
        defaults={"placed_at": timezone.now(), "placement": placement_label(order, item.kind)},
    )


# --- Must-carry: what a province may not do during the window -----------------------------------------


@dataclass
class LockedCopy:
    title: str
    until: date


def locked_copies(page: Page, *, with_descendants: bool) -> list[LockedCopy]:
    """The must-carry copies (`page` itself, and its descendants if asked) whose window is open today.

    Runs in the province's schema: its copies carry the item's key; the orders are in the public tables.
    """
    pages = Q(path__startswith=page.path) if with_descendants else Q(pk=page.pk)
    keys = [
        key
        for model in (NewsPage, LegalDocumentPage)
        for key in model.objects.filter(pages, syndication_key__isnull=False).values_list("syndication_key", flat=True)
    ]
    if not keys:
        return []
    today = timezone.localdate()
    orders = Distribution.objects.filter(
        central_page_id=OuterRef("central_page_id"), must_carry=True, carry_from__lte=today, carry_until__gte=today
    )
    items = SyndicatedItem.objects.filter(key__in=keys, is_live=True).annotate(until=orders.values("carry_until")[:1])
    return [LockedCopy(item.title, item.until) for item in items.exclude(until=None).order_by("title")]


def refusal(action: str, locked: list[LockedCopy]) -> str:
    """The Vietnamese message of a refused unpublish ("gỡ xuất bản", the admin's button), delete ("xóa") or
    move ("di chuyển")."""
    first = locked[0]
    others = f" và {len(locked) - 1} tin bắt buộc đăng khác" if len(locked) > 1 else ""
    return (
        f"Không thể {action} «{first.title}»{others}: Bảo hiểm xã hội Việt Nam yêu cầu bắt buộc đăng "
        f"đến hết ngày {first.until:%d/%m/%Y}. Ban Biên tập vẫn có thể đăng thêm tin của mình bên cạnh tin này."
    )


# --- Must-carry: the placement holds while the window is open --------------------------------------------


@dataclass
class HeldPlacement:
    """What an open must-carry window holds on a province's news copy: the home featured slot, or a section."""

    title: str
    until: date
    section_category_id: int | None  # None: the home page's featured slot
    section_name: str = ""

    @property
    def where(self) -> str:
        if self.section_category_id is None:
            return "ở vị trí tin nổi bật trên trang chủ"
        return f"trong chuyên mục «{self.section_name}»"


def held_placement(page: Page) -> HeldPlacement | None:
    """The placement a must-carry order holds on `page` today, if it is a news copy inside an open window.

    Runs in the province's schema (the order is in the public tables). A page that is not a copy costs nothing.
    """
    if in_public_schema() or not isinstance(page, NewsPage) or not page.syndication_key:
        return None
    item = SyndicatedItem.objects.filter(key=page.syndication_key, is_live=True).only("central_page_id").first()
    order = distribution_of(item.central_page_id) if item else None
    if not window_is_open(order) or order.placement not in (Placement.HOME_FEATURED, Placement.SECTION):
        return None
    if order.placement == Placement.HOME_FEATURED:
        return HeldPlacement(page.title, order.carry_until, None)
    category = NewsCategory.objects.filter(slug=order.section_slug).values_list("pk", "name").first()
    if category is None:  # not placed yet: the next delivery creates the section
        return None
    return HeldPlacement(page.title, order.carry_until, *category)


def breaks_placement(held: HeldPlacement, data) -> bool:
    """Whether the edit form's data (`request.POST`) takes the copy out of its held placement."""
    if held.section_category_id is None:
        return not CheckboxInput().value_from_datadict(data, None, "is_featured")
    return data.get("category") != str(held.section_category_id)


def placement_notice(held: HeldPlacement) -> str:
    """Shown above the edit form of a copy whose placement is held."""
    field = "bỏ chọn ô «Tin nổi bật»" if held.section_category_id is None else "đổi chuyên mục"
    return (
        f"«{held.title}» là tin bắt buộc đăng: Bảo hiểm xã hội Việt Nam yêu cầu giữ tin {held.where} "
        f"đến hết ngày {held.until:%d/%m/%Y}, nên đến hết ngày đó không {field} được. "
        "Các phần khác của tin vẫn sửa được."
    )


def placement_refusal(held: HeldPlacement) -> str:
    """The Vietnamese message of a refused edit that would move the copy out of its held placement."""
    action = "bỏ chọn «Tin nổi bật» của" if held.section_category_id is None else "đổi chuyên mục của"
    return (
        f"Không thể {action} «{held.title}»: Bảo hiểm xã hội Việt Nam yêu cầu bắt buộc đăng tin này "
        f"{held.where} đến hết ngày {held.until:%d/%m/%Y}. Thay đổi vừa gửi chưa được lưu; "
        f"các phần khác của tin vẫn sửa được."
    )


def home_must_carry_keys() -> QuerySet:
    """The keys of the items whose must-carry order holds the home page's featured slot today (a subquery)."""
    today = timezone.localdate()
    orders = Distribution.objects.filter(
        must_carry=True, placement=Placement.HOME_FEATURED, carry_from__lte=today, carry_until__gte=today
    )
    return SyndicatedItem.objects.filter(is_live=True, central_page_id__in=orders.values("central_page_id")).values(
        "key"
    )


def ensure_groups(members: dict[str, list[str]]) -> list[ProvinceGroup]:
    """Groups of provinces by name, each holding the provinces (by official code) that exist. Idempotent."""
    groups = []
    for order, (name, codes) in enumerate(members.items()):
        group, _ = ProvinceGroup.objects.get_or_create(name=name, defaults={"sort_order": order})
        group.provinces.add(*Province.objects.filter(code__in=codes))
        groups.append(group)
    return groups


# --- The centre sets the distribution ----------------------------------------------------------------


@dataclass
class DistributionChange:
    central_page_id: int
    to_all: bool
    groups: list
    provinces: list
    must_carry: bool
    placement: str
    section_slug: str
    carry_from: date | None
    carry_until: date | None


def _order_signature(distribution: Distribution | None) -> tuple:
    if distribution is None or not distribution.must_carry:
        return ()
    return (distribution.placement, distribution.section_slug, distribution.carry_from, distribution.carry_until)


@transaction.atomic
def set_distribution(change: DistributionChange, *, username: str) -> int | None:
    """Save whom a national page goes to and its must-carry order. If the item is already out, the
    provinces it now targets are marked pending (the outbox), and a changed order is placed again in
    every copy. Returns the item's id for the caller to queue the fan-out after commit, or None."""
    from .fanout import mark_pending  # fanout reads recipients() from here

    before = _order_signature(distribution_of(change.central_page_id))
    must_carry = change.must_carry
    distribution, _ = Distribution.objects.update_or_create(
        central_page_id=change.central_page_id,
        defaults={
            "to_all": change.to_all,
            "must_carry": must_carry,
            "placement": change.placement if must_carry else "",
            "section_slug": change.section_slug if must_carry and change.placement == Placement.SECTION else "",
            "carry_from": change.carry_from if must_carry else None,
            "carry_until": change.carry_until if must_carry else None,
            "updated_by": username,
        },
    )
    distribution.groups.set([] if change.to_all else change.groups)
    distribution.provinces.set([] if change.to_all else change.provinces)
    item = SyndicatedItem.objects.filter(central_page_id=change.central_page_id, is_live=True).first()
    if item is None:
        return None
    if _order_signature(distribution) != before:
        # What was delivered lacks the new placement: the next delivery writes the copy again.
        Delivery.objects.filter(item=item).update(delivered_revision_id=None)
        mark_pending([item.pk], recipients(item.pk))
    else:
        received = Delivery.objects.filter(item=item).values_list("province_id", flat=True)
        mark_pending([item.pk], list(targeted_provinces(item.central_page_id).exclude(pk__in=received)))
    return item.pk


# --- The province acknowledges ------------------------------------------------------------------------


def acknowledge(item_id: int, province: Province, *, username: str) -> Receipt:
    """ "Đã tiếp nhận": the board has taken note of an item the province received. The first time counts."""
    received = Delivery.objects.filter(item_id=item_id, province=province).exclude(status=Delivery.Status.PENDING)
    if not received.exists():
        raise NewsroomError("Tỉnh chưa nhận tin này nên chưa thể xác nhận đã tiếp nhận.")
    receipt, _ = Receipt.objects.get_or_create(item_id=item_id, province=province)
    if receipt.acknowledged_at is None:
        receipt.acknowledged_at, receipt.acknowledged_by = timezone.now(), username
        receipt.save(update_fields=["acknowledged_at", "acknowledged_by"])
    return receipt
