"""Small helpers shared by the section fillers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wagtail.models import Page

from tenants.models import Province

from .profiles import ProvinceProfile

NATIONAL_HOTLINE = "1900 9068"  # Tổng đài hỗ trợ của Bảo hiểm xã hội Việt Nam


@dataclass(frozen=True)
class Context:
    """What a demo step receives: the province being filled, its demo profile, its home page and the
    words templates need."""

    province: Province
    profile: ProvinceProfile
    home: Page | None = None

    def section(self, slug: str) -> Page:
        """A section page that onboarding created under the home page."""
        return section(self.home, slug)

    @property
    def words(self) -> dict[str, str]:
        profile = self.profile
        return {
            "office": self.province.office_name,
            "city": profile.city,
            "event_ward": profile.event_ward,
            "gift_ward": profile.gift_ward,
            "industrial_zone": profile.industrial_zone,
            "post_office": profile.post_office,
            "collection_deputy": profile.leader_for("collection").name,
            "hotline": NATIONAL_HOTLINE,
        }

    def fill(self, text: str) -> str:
        return text.format(**self.words)


@dataclass
class Tally:
    """How many items a section holds after the run, and how many this run created."""

    label: str
    total: int = 0
    created: int = 0

    def count(self, created: bool) -> None:
        self.total += 1
        self.created += int(created)

    def __str__(self) -> str:
        return f"{self.label} {self.total} (mới {self.created})"


def child_by_slug(parent: Page, slug: str) -> Page | None:
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def section(home: Page, slug: str) -> Page:
    """A section page that onboarding created under the home page."""
    page = child_by_slug(home, slug)
    if page is None:
        raise LookupError(f"Chuyên mục «{slug}» chưa được tạo; hãy chạy khởi tạo tỉnh trước.")
    return page


def publish_child(parent: Page, page: Page, published_at: datetime | None = None) -> Page:
    """Add `page` under `parent`, publish it, and back-date its publication when asked."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    if published_at is not None:
        Page.objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)
        page.first_published_at = page.last_published_at = published_at
    return page


def set_intro_once(page: Page, intro: str) -> None:
    """Give an index page its introduction unless the board already wrote one."""
    if not page.intro:
        page.intro = intro
        page.save_revision().publish()
