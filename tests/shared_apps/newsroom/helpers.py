"""Helpers shared by the newsroom tests."""

from __future__ import annotations

import time

from django_tenants.utils import get_public_schema_name, schema_context
from wagtail.images.models import Image
from wagtail_factories import ImageFactory

from shared_apps.newsroom.models import SyndicatedItem


def publish(page):
    """Publish `page`'s current state as Wagtail does (the page_published signal included)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def item_of(page) -> SyndicatedItem:
    return SyndicatedItem.objects.get(central_page_id=page.pk)


def central_image(colour: str = "#b5121b") -> Image:
    """An image in the public schema's media with content no other test uses."""
    with schema_context(get_public_schema_name()):
        return ImageFactory(title="Ảnh hội nghị toàn ngành", file__color=colour, file__width=64, file__height=48)


def wait_until(condition, seconds: float = 20.0, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False
