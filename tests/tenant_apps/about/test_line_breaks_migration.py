"""Introduction pages written with bare `<br>` (before the demo wrote `<br/>`) open in the editor once
the data migration has closed their line breaks, in the page and in its latest revision."""

from importlib import import_module

import pytest
from django.apps import apps

from tenant_apps.about.models import IntroductionPage

pytestmark = pytest.mark.django_db

close_line_breaks = import_module("tenant_apps.about.migrations.0002_rich_text_line_breaks").close_line_breaks
OLD_CONTACTS = "<p>Số 1 Lê Lợi<br>Điện thoại: 0234 3822 123<BR >Thư điện tử: bhxh@hue.example.vn</p>"


@pytest.fixture
def old_introduction(hanoi) -> int:
    """The Vietnamese introduction as an old site has it: `<br>` in the page and its latest revision."""
    with hanoi.context():
        page = IntroductionPage.objects.get(language="vi")
        page.contacts = OLD_CONTACTS
        page.save_revision()
        IntroductionPage.objects.filter(pk=page.pk).update(contacts=OLD_CONTACTS)
        return page.pk


def test_an_old_introduction_with_bare_line_breaks_opens_in_the_editor_after_the_migration(hanoi, old_introduction):
    editor = hanoi.signed_in_client()
    editor.raise_request_exception = False
    assert editor.get(f"/admin/pages/{old_introduction}/edit/").status_code == 500  # what old sites met

    with hanoi.context():
        close_line_breaks(apps, None)

    response = editor.get(f"/admin/pages/{old_introduction}/edit/")
    assert response.status_code == 200
    with hanoi.context():
        page = IntroductionPage.objects.get(pk=old_introduction)
        expected = "<p>Số 1 Lê Lợi<br/>Điện thoại: 0234 3822 123<br/>Thư điện tử: bhxh@hue.example.vn</p>"
        assert page.contacts == expected
        assert page.get_latest_revision().content["contacts"] == expected
