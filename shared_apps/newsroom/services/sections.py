"""The central site's national sections."""

from __future__ import annotations

from wagtail.coreutils import find_available_slug

from ..errors import NewsroomError
from ..pages.models import NationalDocumentIndexPage, NationalNewsIndexPage


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
