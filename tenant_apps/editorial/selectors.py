"""Read queries of the board: timeliness of posting (§8.1) and royalty statements (§7.3)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Page

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage

from .models import BoardMember, RoyaltyContribution
from .rules import timeliness_rules


@dataclass
class TimelinessItem:
    page: Page
    kind: str  # "Văn bản" or "Tin"
    reference_date: datetime.date
    deadline: datetime.date
    published_on: datetime.date | None

    @property
    def delay_days(self) -> int | None:
        """Delay = first publication (local date) − reference date (signing / event end)."""
        return (self.published_on - self.reference_date).days if self.published_on else None

    @property
    def on_time(self) -> bool:
        return self.published_on is not None and self.published_on <= self.deadline


def _local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def timeliness_items(since: datetime.date | None = None) -> list[TimelinessItem]:
    """Every news item and document with a reference date, with its deadline and publication date."""
    rules = timeliness_rules()
    items = []
    documents = LegalDocumentPage.objects.filter(signed_date__isnull=False)
    news = NewsPage.objects.filter(event_end_date__isnull=False)
    if since:
        documents = documents.filter(signed_date__gte=since)
        news = news.filter(event_end_date__gte=since)
    for page in documents.only("id", "title", "url_path", "signed_date", "first_published_at", "live"):
        items.append(
            TimelinessItem(
                page,
                "Văn bản",
                page.signed_date,
                page.signed_date + datetime.timedelta(days=rules.document_days),
                _local_date(page.first_published_at),
            )
        )
    for page in news.only("id", "title", "url_path", "event_end_date", "first_published_at", "live"):
        items.append(
            TimelinessItem(
                page,
                "Tin",
                page.event_end_date,
                page.event_end_date + datetime.timedelta(days=rules.news_days),
                _local_date(page.first_published_at),
            )
        )
    return items


def late_items_for_board(today: datetime.date | None = None) -> dict[str, list[TimelinessItem]]:
    """Published late, overdue (unpublished past the deadline), and at risk (deadline close)."""
    today = today or timezone.localdate()
    rules = timeliness_rules()
    result: dict[str, list[TimelinessItem]] = {"late": [], "overdue": [], "at_risk": []}
    for item in timeliness_items(since=today - datetime.timedelta(days=92)):
        if item.published_on is not None:
            if item.published_on > item.deadline:
                result["late"].append(item)
        elif today > item.deadline:
            result["overdue"].append(item)
        elif (item.deadline - today).days <= rules.at_risk_days_left:
            result["at_risk"].append(item)
    for items in result.values():
        items.sort(key=lambda item: item.deadline)
    return result


def quarter_of(day: datetime.date) -> str:
    return f"Q{(day.month - 1) // 3 + 1}/{day.year}"


def timeliness_rates(since: datetime.date) -> dict[str, dict[str, float]]:
    """Share of items published on time, by month ("11/2026") and quarter ("Q4/2026"), per kind."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for item in timeliness_items(since=since):
        if item.published_on is None:
            continue
        for period in (f"{item.published_on:%m/%Y}", quarter_of(item.published_on)):
            for kind in (item.kind, "Tất cả"):
                tally = counts[(period, kind)]
                tally[0] += item.on_time
                tally[1] += 1
    rates: dict[str, dict[str, float]] = defaultdict(dict)
    for (period, kind), (on_time, total) in counts.items():
        rates[period][kind] = round(100 * on_time / total, 1)
    return dict(rates)


def working_days_without_news(days: int = 30, today: datetime.date | None = None) -> list[datetime.date]:
    """Working days (Mon–Fri) in the last `days` on which nothing new was published (§8.1)."""
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=days)
    published = {
        timezone.localdate(moment)
        for moment in Page.objects.filter(first_published_at__date__gte=start, depth__gte=3).values_list(
            "first_published_at", flat=True
        )
    }
    return [
        start + datetime.timedelta(days=offset)
        for offset in range(1, days + 1)
        if (start + datetime.timedelta(days=offset)).weekday() < 5
        and start + datetime.timedelta(days=offset) not in published
    ]


@dataclass
class StatementLine:
    person: str
    items: list[RoyaltyContribution]

    @property
    def total(self) -> Decimal:
        return sum((c.amount for c in self.items), Decimal("0"))


def royalty_statement(start: datetime.date, end: datetime.date) -> list[StatementLine]:
    """Royalties of items first published between `start` and `end` (inclusive), per person."""
    contributions = (
        RoyaltyContribution.objects.filter(
            page__first_published_at__date__gte=start, page__first_published_at__date__lte=end
        )
        .select_related("page")
        .order_by("person", "page__first_published_at")
    )
    people: dict[str, list[RoyaltyContribution]] = defaultdict(list)
    for contribution in contributions:
        people[contribution.person].append(contribution)
    return [StatementLine(person, items) for person, items in people.items()]


def overdue_royalties(today: datetime.date | None = None) -> list[RoyaltyContribution]:
    """Unpaid royalties past the 60-day limit after publication."""
    today = today or timezone.localdate()
    unpaid = RoyaltyContribution.objects.exclude(status=RoyaltyContribution.Status.PAID).select_related("page")
    return [c for c in unpaid if c.due_on and c.due_on < today]


def signature_of(user) -> tuple[str, str]:
    """The name and board role a document from `user` is signed with: their board membership's,
    else their account's full name (then username) and no title."""
    member = BoardMember.objects.filter(user=user, is_active=True).first()
    if member is not None:
        return member.full_name, str(member.get_role_display())
    return user.get_full_name() or user.get_username(), ""
