"""Each board role can do exactly what its row says, and no more."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from tenant_apps.about.models import IntroductionPage
from tenant_apps.editorial.models import BoardMember, BoardRole
from tenant_apps.editorial.services import save_member
from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory
from tests.factories.form_data import NEWS_FORM

pytestmark = pytest.mark.django_db


def _perms(site, user, page):
    with site.context():
        return page.permissions_for_user(user)


@pytest.mark.parametrize(
    ("role", "can_add_news", "can_edit", "can_publish", "can_add_elsewhere"),
    [
        (BoardRole.HEAD, True, True, True, True),
        (BoardRole.DEPUTY, True, True, True, True),
        (BoardRole.EDITOR, True, True, False, True),
        (BoardRole.REPORTER, True, False, False, False),
        (BoardRole.TECHNICAL, False, False, False, False),
    ],
)
def test_page_rights_follow_the_board_role(hanoi, board, role, can_add_news, can_edit, can_publish, can_add_elsewhere):
    user = board[role]
    with hanoi.context():
        news_index = NewsIndexPage.objects.get()
        intro = IntroductionPage.objects.get(slug="gioi-thieu")
        article = NewsPageFactory(parent=news_index)
        assert news_index.permissions_for_user(user).can_add_subpage() is can_add_news
        assert article.permissions_for_user(user).can_edit() is can_edit
        assert article.permissions_for_user(user).can_publish() is can_publish
        assert intro.permissions_for_user(user).can_add_subpage() is can_add_elsewhere


def test_a_reporter_cannot_publish_even_by_crafting_the_post(hanoi, board):
    with hanoi.context():
        news_index = NewsIndexPage.objects.get()
        category = NewsCategory.objects.get(slug="tin-dia-phuong")
    browser = hanoi.signed_in_client("phong-vien")
    form = {**NEWS_FORM, "category": str(category.pk), "action-publish": "action-publish"}

    browser.post(f"/admin/pages/add/news/newspage/{news_index.pk}/", form)

    with hanoi.context():
        page = NewsPage.objects.get(slug="tin-phong-vien")
        assert not page.live and page.first_published_at is None
        page.refresh_from_db()
    browser.post(f"/admin/pages/{page.pk}/edit/", {**form, "action-publish": "action-publish"})
    with hanoi.context():
        assert not NewsPage.objects.get(pk=page.pk).live


def test_a_reporter_drafts_news_and_submits_it_to_the_workflow(hanoi, board):
    with hanoi.context():
        news_index = NewsIndexPage.objects.get()
        category = NewsCategory.objects.get(slug="tin-dia-phuong")
    browser = hanoi.signed_in_client("phong-vien")
    form = {**NEWS_FORM, "category": str(category.pk), "action-submit": "action-submit"}

    response = browser.post(f"/admin/pages/add/news/newspage/{news_index.pk}/", form)

    assert response.status_code == 302
    with hanoi.context():
        page = NewsPage.objects.get(slug="tin-phong-vien")
        state = page.current_workflow_state
        assert not page.live and state is not None
        assert state.current_task_state.task.name == "Biên tập viên duyệt"


def test_a_reporter_cannot_create_pages_outside_news(hanoi, board):
    with hanoi.context():
        intro = IntroductionPage.objects.get(slug="gioi-thieu")
    browser = hanoi.signed_in_client("phong-vien")
    response = browser.get(f"/admin/pages/add/pages/contentpage/{intro.pk}/")
    assert response.status_code in (302, 403)


def test_only_the_head_of_board_manages_members_and_royalties(hanoi, board):
    head, deputy, tech = (hanoi.signed_in_client(r) for r in ("truong-ban", "pho-ban", "quan-tri-ky-thuat"))
    assert head.get("/admin/board_members/").status_code == 200
    assert head.get("/admin/nhuan-but/").status_code == 200
    assert deputy.get("/admin/board_members/").status_code == 302
    assert deputy.get("/admin/nhuan-but/").status_code == 302
    assert tech.get("/admin/users/").status_code == 200
    assert hanoi.signed_in_client("phong-vien").get("/admin/users/").status_code == 302


def test_changing_a_members_role_changes_their_permissions(hanoi, board):
    reporter = board[BoardRole.REPORTER]
    with hanoi.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get())
        assert not article.permissions_for_user(reporter).can_publish()
        member = BoardMember.objects.get(user=reporter)
        member.role = BoardRole.HEAD
        save_member(member)
        reporter = type(reporter).objects.get(pk=reporter.pk)  # fresh permission cache
        assert article.permissions_for_user(reporter).can_publish()
        assert list(reporter.groups.values_list("name", flat=True)) == ["Trưởng ban"]
        member.is_active = False
        save_member(member)
        assert not Group.objects.filter(user=reporter).exists()


def test_the_two_step_workflow_publishes_after_both_approvals_and_rejection_sends_back(hanoi, board):
    with hanoi.context():
        page = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin chờ duyệt", live=False)
        revision = page.save_revision(user=board[BoardRole.REPORTER])
        workflow = page.get_workflow()
        state = workflow.start(page, board[BoardRole.REPORTER])

        state.current_task_state.task.specific.on_action(
            state.current_task_state, board[BoardRole.EDITOR], "reject", comment="Bổ sung nguồn tin"
        )
        state.refresh_from_db()
        assert state.status == state.STATUS_NEEDS_CHANGES
        assert not Page.objects.get(pk=page.pk).live

        state.resume(board[BoardRole.REPORTER])  # the reporter fixes it and resubmits
        state.refresh_from_db()
        state.current_task_state.task.specific.on_action(state.current_task_state, board[BoardRole.EDITOR], "approve")
        state.refresh_from_db()
        assert state.current_task_state.task.name == "Trưởng ban phê duyệt"
        assert not state.current_task_state.task.specific.user_can_access_editor(page, board[BoardRole.REPORTER])
        assert state.current_task_state.task.specific.get_actions(page, board[BoardRole.EDITOR]) == []
        state.current_task_state.task.specific.on_action(state.current_task_state, board[BoardRole.HEAD], "approve")
        assert Page.objects.get(pk=page.pk).live
        assert revision.pk


@pytest.mark.parametrize(
    ("role", "handles_requests", "sees_personal_data"),
    [
        (BoardRole.HEAD, True, True),
        (BoardRole.DEPUTY, True, True),
        (BoardRole.EDITOR, True, False),
        (BoardRole.REPORTER, False, False),
        (BoardRole.TECHNICAL, False, False),
    ],
)
def test_online_service_requests_and_personal_data_follow_the_role(
    hanoi, board, role, handles_requests, sees_personal_data
):
    user = board[role]
    with hanoi.context():
        user = type(user).objects.get(pk=user.pk)
        assert user.has_perm("online_services.change_servicerequest") is handles_requests
        assert user.has_perm("online_services.view_personal_data") is sees_personal_data


def test_the_head_and_deputies_read_visit_statistics(hanoi, board):
    assert hanoi.signed_in_client("truong-ban").get("/admin/thong-ke-truy-cap/").status_code == 200
    assert hanoi.signed_in_client("pho-ban").get("/admin/thong-ke-truy-cap/").status_code == 200
    assert hanoi.signed_in_client("phong-vien").get("/admin/thong-ke-truy-cap/").status_code == 302
