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


def edit_form_data(client, page_id: int) -> dict:
    """What the admin's edit form of page `page_id` would post as it stands (no action button)."""
    from bs4 import BeautifulSoup

    html = client.get(f"/admin/pages/{page_id}/edit/").content.decode()
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"data-edit-form": True})
    data: dict = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file") or name.startswith("action-"):
            continue
        if field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "select":
            data[name] = [option.get("value", "") for option in field.find_all("option", selected=True)]
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    return data
