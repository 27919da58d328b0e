"""The board's e-mails (Wagtail's workflow notifications, invitations) link to the province's own admin."""

import re

import pytest
from django.core import mail

from tenant_apps.editorial.models import BoardMember, BoardRole
from tenant_apps.editorial.services import invite_member
from tenant_apps.news.models import NewsIndexPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s\"'<>]+")


def links_in_outbox() -> list[str]:
    return [link for message in mail.outbox for link in LINK.findall(message.body)]


def test_workflow_notifications_link_to_the_provinces_admin_with_its_port(
    hanoi, board, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_URL_PORT = 8000
    with hanoi.context(), django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin chờ duyệt", live=False)
        page.save_revision(user=board[BoardRole.REPORTER])
        page.get_workflow().start(page, board[BoardRole.REPORTER])

    links = links_in_outbox()
    assert f"http://hanoi.localhost:8000/admin/pages/{page.pk}/edit/" in links
    assert [link for link in links if not link.startswith("http://hanoi.localhost:8000/")] == []


def test_an_invitation_links_to_the_provinces_own_host_never_another(
    hanoi, hcm, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_URL_PORT = 8000
    with hcm.context(), django_capture_on_commit_callbacks(execute=True):
        member = BoardMember(full_name="Lê Văn F", position="Phóng viên", role=BoardRole.REPORTER, email="f@hcm.vn")
        invite_member(member)

    [link] = links_in_outbox()
    assert link.startswith("http://hcm.localhost:8000/loi-moi/")
