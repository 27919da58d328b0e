"""Previews of drafts never reach the public through the cached parts of pages."""

import pytest
from django.urls import reverse

from tenant_apps.home.models import HomePage

pytestmark = pytest.mark.django_db

DRAFT_INTRO = "Giới thiệu chưa được duyệt"


def _save_draft_intro(site) -> HomePage:
    with site.context():
        home = HomePage.objects.get()
        home.intro = f"<p>{DRAFT_INTRO}</p>"
        home.save_revision()
        return home


def test_previewing_a_draft_home_page_does_not_show_the_draft_to_the_public(hanoi):
    assert DRAFT_INTRO not in hanoi.client().get("/").content.decode()  # the published home is now cached
    home = _save_draft_intro(hanoi)
    with hanoi.context():
        preview = home.get_latest_revision_as_object().make_preview_request()
    assert DRAFT_INTRO in preview.content.decode()
    assert DRAFT_INTRO not in hanoi.client().get("/").content.decode()


def test_an_editor_viewing_the_draft_in_the_admin_does_not_publish_it(hanoi):
    home = _save_draft_intro(hanoi)
    editor = hanoi.signed_in_client()
    draft = editor.get(reverse("wagtailadmin_pages:view_draft", args=[home.pk]))
    assert DRAFT_INTRO in draft.content.decode()
    assert DRAFT_INTRO not in hanoi.client().get("/").content.decode()


def test_a_preview_of_unsaved_changes_shows_them_rather_than_the_cached_published_page(hanoi):
    hanoi.client().get("/")  # the published home is now cached
    with hanoi.context():
        home = HomePage.objects.get()
        home.intro = f"<p>{DRAFT_INTRO}</p>"  # typed in the editor, previewed before any save
        preview = home.make_preview_request()
    assert DRAFT_INTRO in preview.content.decode()
