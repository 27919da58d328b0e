"""The board record: members invited by e-mail, per province; audit log per province."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tenant_apps.editorial.models import BoardMember, BoardRole
from tenant_apps.news.models import NewsIndexPage
from tests.conftest import sign_in
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_the_head_adds_a_member_who_receives_an_invitation_and_sets_a_password(
    hanoi, board, django_capture_on_commit_callbacks
):
    head = hanoi.signed_in_client("truong-ban")
    form = {
        "full_name": "Phạm Văn Dũng",
        "position": "Chuyên viên Văn phòng",
        "role": BoardRole.EDITOR,
        "email": "dung@hanoi.vss.gov.vn",
        "is_active": "on",
        "send_invitation": "on",
    }

    with django_capture_on_commit_callbacks(execute=True):
        assert head.post("/admin/board_members/new/", form).status_code == 302

    message = mail.outbox[-1]
    assert message.to == ["dung@hanoi.vss.gov.vn"] and "Biên tập viên" in message.body
    link = re.search(r"http://hanoi\.localhost(/loi-moi/\S+/)", message.body).group(1)

    invited = hanoi.client()
    form_page = invited.get(link, follow=True)
    assert "Đặt mật khẩu cho tài khoản" in form_page.content.decode()
    done = invited.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Bhxh-HaNoi-2026!", "new_password2": "Bhxh-HaNoi-2026!"}
    )
    assert done.status_code == 302
    assert invited.get("/admin/").status_code == 200
    with hanoi.context():
        member = BoardMember.objects.get(email="dung@hanoi.vss.gov.vn")
        assert member.joined_at and member.user.groups.get().name == "Biên tập viên"
    assert "không hợp lệ" in hanoi.client().get(link, follow=True).content.decode()  # used once


def test_an_invitation_link_of_one_province_is_worthless_on_another(
    hanoi, hcm, board, django_capture_on_commit_callbacks
):
    head = hanoi.signed_in_client("truong-ban")
    with django_capture_on_commit_callbacks(execute=True):
        head.post(
            "/admin/board_members/new/",
            {
                "full_name": "Lê Thị E",
                "position": "Phóng viên",
                "role": BoardRole.REPORTER,
                "email": "e@hanoi.vss.gov.vn",
                "is_active": "on",
                "send_invitation": "on",
            },
        )
    link = re.search(r"(/loi-moi/\S+/)", mail.outbox[-1].body).group(1)
    assert "không hợp lệ" in hcm.client().get(link, follow=True).content.decode()
    with hcm.context():
        assert not get_user_model().objects.filter(email="e@hanoi.vss.gov.vn").exists()


def test_member_form_errors_are_shown_in_vietnamese(hanoi, board):
    head = hanoi.signed_in_client("truong-ban")
    response = head.post(
        "/admin/board_members/new/", {"full_name": "", "position": "", "role": "khong-co", "email": "sai"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in html and "Nhập địa chỉ email." in html
    assert "Hãy chọn một lựa chọn hợp lệ" in html


def test_board_data_and_audit_log_of_one_province_are_invisible_from_another(hanoi, hcm, board):
    with hanoi.context():
        NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Bài riêng của Hà Nội trong nhật ký")
    hanoi_admin, hcm_admin = hanoi.signed_in_client(), hcm.signed_in_client()

    assert "Bài riêng của Hà Nội trong nhật ký" in hanoi_admin.get("/admin/reports/site-history/").content.decode()
    assert "Bài riêng của Hà Nội trong nhật ký" not in hcm_admin.get("/admin/reports/site-history/").content.decode()
    assert "truong-ban@hanoi.vss.gov.vn" in hanoi_admin.get("/admin/board_members/").content.decode()
    assert "truong-ban@hanoi.vss.gov.vn" not in hcm_admin.get("/admin/board_members/").content.decode()
    with hcm.context():
        assert not BoardMember.objects.exists()


def test_board_admin_does_not_exist_on_the_central_host(central_client):
    sign_in(central_client)
    assert central_client.get("/admin/board_members/").status_code == 404
    assert central_client.get("/admin/nhuan-but/").status_code == 404


def test_the_member_list_shows_dates_as_dd_mm_yyyy_and_no_english_booleans(hanoi, board):
    with hanoi.context():
        BoardMember.objects.filter(role=BoardRole.EDITOR).update(
            joined_at=datetime.datetime(2026, 3, 5, 9, 0, tzinfo=datetime.UTC)
        )
    html = hanoi.signed_in_client("truong-ban").get("/admin/board_members/").content.decode()
    assert "05/03/2026" in html
    assert ">True<" not in html.replace(" ", "").replace("\n", "")
