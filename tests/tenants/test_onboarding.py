"""Onboarding a province: the whole site in one step, safe to re-run, all or nothing."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_exists, tenant_context
from wagtail import hooks
from wagtail.models import Site

from tenant_apps.editorial.roles import BOARD_ROLES
from tenant_apps.home.models import HomePage
from tenants.models import Domain, Province
from tenants.services import OnboardingError, onboard_province
from tenants.steps import ONBOARD_PROVINCE

pytestmark = pytest.mark.django_db


def test_onboarding_creates_schema_domain_home_site_groups_and_admin():
    lines = []
    result = onboard_province("48", admin_password="mat-khau-quan-tri-1", report=lines.append)

    province = result.province
    assert result.created and province.name == "Thành phố Đà Nẵng"
    assert province.office_name == "Bảo hiểm xã hội thành phố Đà Nẵng"
    assert schema_exists("danang")
    assert list(province.domains.values_list("domain", "is_primary")) == [("danang.localhost", True)]
    with tenant_context(province):
        home = HomePage.objects.get()
        assert home.live and home.title == province.office_name
        site = Site.objects.get()
        assert (site.hostname, site.root_page_id, site.is_default_site) == ("danang.localhost", home.pk, True)
        assert set(Group.objects.values_list("name", flat=True)) == {role.name for role in BOARD_ROLES}
        admin = get_user_model().objects.get(username="admin")
        assert admin.is_superuser and admin.check_password("mat-khau-quan-tri-1")
    assert any("Schema «danang»" in line for line in lines)


def test_onboarding_answers_on_the_new_domain():
    onboard_province("48", domains=["bhxh.danang.example.vn", "danang.localhost"])
    response = Client(HTTP_HOST="bhxh.danang.example.vn").get("/")
    assert response.status_code == 200
    assert "Bảo hiểm xã hội thành phố Đà Nẵng" in response.content.decode()


def test_running_onboarding_twice_is_safe_and_keeps_the_admin_password():
    first = onboard_province("48", admin_password="mat-khau-quan-tri-1")
    second = onboard_province("48", domains=["danang.localhost", "danang2.localhost"], existing_ok=True)

    assert not second.created and second.administrator is None
    assert first.province.pk == second.province.pk
    assert Province.objects.filter(code="48").count() == 1
    assert set(second.province.domains.values_list("domain", flat=True)) == {"danang.localhost", "danang2.localhost"}
    with tenant_context(second.province):
        assert HomePage.objects.count() == 1
        assert Site.objects.count() == 1
        assert Group.objects.count() == len(BOARD_ROLES)
        assert get_user_model().objects.get(username="admin").check_password("mat-khau-quan-tri-1")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"code": "99"}, "Mã tỉnh «99» không có trong danh mục"),
        ({"code": "48", "domains": ["hanoi.localhost"]}, "Tên miền «hanoi.localhost» đã được dùng cho"),
        ({"code": "48", "domains": ["localhost"]}, "Tên miền «localhost» đã được dùng cho Bảo hiểm xã hội Việt Nam"),
        ({"code": "48", "domains": ["bad_host!.vn"]}, "Tên miền «bad_host!.vn» không hợp lệ"),
        ({"code": "48", "domains": ["-danang.vn"]}, "Tên miền «-danang.vn» không hợp lệ"),
        ({"code": "48", "schema_name": "public"}, "Tên schema «public» được dành riêng"),
        ({"code": "48", "schema_name": "pg_catalog"}, "Tên schema «pg_catalog» được dành riêng"),
        ({"code": "48", "schema_name": "tenant_template"}, "Tên schema «tenant_template» được dành riêng"),
        ({"code": "48", "schema_name": "hanoi"}, "Tên schema «hanoi» đã được dùng cho"),
        ({"code": "48", "schema_name": "Da Nang"}, "Tên schema «Da Nang» không hợp lệ"),
    ],
)
def test_bad_input_is_refused_with_one_clear_line_and_nothing_created(kwargs, message):
    provinces_before = Province.objects.count()
    domains_before = Domain.objects.count()

    with pytest.raises(OnboardingError) as raised:
        onboard_province(**kwargs)

    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)
    assert Province.objects.count() == provinces_before
    assert Domain.objects.count() == domains_before
    assert not schema_exists("danang")


def test_a_failure_in_the_middle_leaves_nothing_behind(monkeypatch):
    import tenants.services as services

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_ensure_administrator", explode)
    with pytest.raises(RuntimeError):
        onboard_province("48")

    assert connection.schema_name == "public"
    assert not Province.objects.filter(code="48").exists()
    assert not Domain.objects.filter(domain="danang.localhost").exists()
    assert not schema_exists("danang")


def test_onboarding_a_province_that_exists_is_refused_and_adds_nothing():
    domains_before = set(Domain.objects.values_list("domain", flat=True))

    with pytest.raises(OnboardingError) as raised:
        onboard_province("01", domains=["hanoi.localhost", "ke-la.example.vn"], admin_username="ke-la")

    assert str(raised.value).startswith("Bảo hiểm xã hội thành phố Hà Nội đã được khởi tạo")
    assert set(Domain.objects.values_list("domain", flat=True)) == domains_before


def test_the_command_refuses_a_province_that_exists_in_one_line_unless_asked_to_complete_it(capsys):
    with pytest.raises(CommandError) as refused:
        call_command("onboard_province", "01", "--domain", "ke-la.example.vn")
    assert "\n" not in str(refused.value) and "--bo-sung" in str(refused.value)

    call_command("onboard_province", "01", "--bo-sung")
    assert "Đã kiểm tra, bổ sung Bảo hiểm xã hội thành phố Hà Nội" in capsys.readouterr().out


def test_the_first_administrator_gets_a_one_time_link_to_set_a_password_never_a_password(capsys):
    call_command("onboard_province", "48")
    out = capsys.readouterr().out
    assert "Mật khẩu" not in out
    link = re.search(r"http://danang\.localhost(/loi-moi/\S+/)", out).group(1)

    browser = Client(HTTP_HOST="danang.localhost")
    form_page = browser.get(link, follow=True)
    browser.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Bhxh-DaNang-2026!", "new_password2": "Bhxh-DaNang-2026!"}
    )
    with tenant_context(Province.objects.get(code="48")):
        assert get_user_model().objects.get(username="admin").check_password("Bhxh-DaNang-2026!")


def test_the_command_reports_each_step_and_exits_non_zero_on_bad_input(capsys):
    call_command("onboard_province", "danang", "--admin-password", "mat-khau-quan-tri-1")
    out = capsys.readouterr().out
    assert "Schema «danang»: sao chép từ mẫu" in out
    assert "Đã khởi tạo Bảo hiểm xã hội thành phố Đà Nẵng" in out

    with pytest.raises(CommandError, match=r"^Mã tỉnh «xx» không có trong danh mục"):
        call_command("onboard_province", "xx")


def test_a_step_an_app_registers_runs_in_order_in_the_province_schema_and_reports():
    seen = []

    def step(onboarding):
        seen.append((connection.schema_name, onboarding.province.code, onboarding.child_page("tin-tuc").slug))
        onboarding.report("Bước thử: xong")

    lines = []
    with hooks.register_temporarily(ONBOARD_PROVINCE, step, order=250):  # after the board's groups and workflow
        onboard_province("48", report=lines.append)

    assert seen == [("danang", "48", "tin-tuc")]
    workflow = next(i for i, line in enumerate(lines) if line.startswith("Quy trình duyệt"))
    administrator = next(i for i, line in enumerate(lines) if line.startswith("Tài khoản quản trị"))
    assert workflow < lines.index("Bước thử: xong") < administrator


def test_a_failing_step_of_an_app_rolls_the_whole_onboarding_back():
    def explode(onboarding):
        raise RuntimeError("step failed")

    with hooks.register_temporarily(ONBOARD_PROVINCE, explode, order=999), pytest.raises(RuntimeError):
        onboard_province("48")

    assert connection.schema_name == "public"
    assert not Province.objects.filter(code="48").exists() and not schema_exists("danang")
