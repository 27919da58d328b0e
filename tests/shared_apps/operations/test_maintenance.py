"""Planned maintenance: the banner's notice period, nginx's flag files, and each province's own windows."""

import datetime
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from shared_apps.operations.models import MaintenanceWindow
from shared_apps.operations.selectors import working_days_before
from shared_apps.operations.services import sync_maintenance_flags

pytestmark = pytest.mark.django_db
VN = datetime.timezone(timedelta(hours=7))


def _window(province=None, starts_in=timedelta(days=2), lasts=timedelta(hours=3), **fields):
    starts_at = timezone.now() + starts_in
    return MaintenanceWindow.objects.create(
        province=province,
        starts_at=starts_at,
        ends_at=starts_at + lasts,
        reason=fields.pop("reason", "Nâng cấp máy chủ cơ sở dữ liệu."),
        **fields,
    )


def _local(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def test_the_notice_starts_seven_working_days_before_skipping_weekends():
    monday_evening = datetime.datetime(2026, 6, 15, 20, 0, tzinfo=VN)

    assert working_days_before(monday_evening, 7) == datetime.datetime(2026, 6, 4, 20, 0, tzinfo=VN)
    assert working_days_before(monday_evening, 1) == datetime.datetime(2026, 6, 12, 20, 0, tzinfo=VN)
    assert MaintenanceWindow._meta.get_field("notice_working_days").default == 7


def test_a_province_window_is_announced_on_its_site_only_with_dates(hanoi, hcm):
    window = _window(hanoi.province, reason="Nâng cấp phần mềm cổng thông tin.")

    html = hanoi.client().get("/").content.decode()
    assert 'role="status"' in html and "Nâng cấp phần mềm cổng thông tin." in html
    assert f"từ {_local(window.starts_at)} đến {_local(window.ends_at)}" in html
    assert "Nâng cấp phần mềm cổng thông tin." not in hcm.client().get("/").content.decode()


def test_the_banner_waits_for_the_notice_period_and_goes_when_the_window_ends(hanoi):
    _window(hanoi.province, starts_in=timedelta(days=30), reason="Bảo trì còn xa.")
    _window(hanoi.province, starts_in=timedelta(hours=-4), lasts=timedelta(hours=1), reason="Bảo trì đã xong.")
    _window(hanoi.province, starts_in=timedelta(hours=-1), reason="Bảo trì đang diễn ra.")

    html = hanoi.client().get("/").content.decode()
    assert "Bảo trì còn xa." not in html and "Bảo trì đã xong." not in html
    assert "Bảo trì đang diễn ra." in html and "đang được bảo trì đến" in html


def test_a_platform_window_is_announced_everywhere(hanoi, hcm, central_client):
    _window(None, reason="Bảo trì toàn hệ thống.")

    for browser in (hanoi.client(), hcm.client(), central_client):
        assert "Bảo trì toàn hệ thống." in browser.get("/").content.decode()


def test_flags_are_written_for_hosts_in_maintenance_and_removed_after(hanoi, hcm, tmp_path):
    window = _window(hanoi.province, starts_in=timedelta(minutes=-5), reason="Chuyển máy chủ.")

    changes = sync_maintenance_flags(flag_dir=tmp_path)

    assert changes.written == ["hanoi.localhost"]
    assert not (tmp_path / "hcm.localhost").exists()
    flag = (tmp_path / "hanoi.localhost").read_text(encoding="utf-8")
    assert "Chuyển máy chủ." in flag and _local(window.ends_at) in flag
    page = (tmp_path / "maintenance.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "<h1>Cổng thông tin đang bảo trì</h1>" in page
    assert "http" not in page and "src=" not in page  # nothing to fetch while the site is down

    changes = sync_maintenance_flags(now=window.ends_at + timedelta(seconds=1), flag_dir=tmp_path)

    assert changes.removed == ["hanoi.localhost"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["maintenance.html"]


def test_a_platform_window_flags_every_host_from_the_command(hanoi, hcm, tmp_path, settings, capsys):
    settings.MAINTENANCE_FLAG_DIR = tmp_path
    _window(None, starts_in=timedelta(minutes=-1))

    call_command("sync_maintenance_flags")

    assert {"localhost", "hanoi.localhost", "hcm.localhost"} <= {path.name for path in tmp_path.iterdir()}
    assert "Bật trang bảo trì: hanoi.localhost" in capsys.readouterr().out


def _form(**fields):
    return {
        "starts_at": "20/06/2026 20:00",
        "ends_at": "20/06/2026 23:00",
        "reason": "Thay thiết bị mạng.",
        "notice_working_days": "7",
        **fields,
    }


def test_a_province_schedules_windows_for_itself_only(hanoi):
    browser = hanoi.signed_in_client()

    response = browser.post("/admin/lich-bao-tri/new/", _form())

    assert response.status_code == 302
    window = MaintenanceWindow.objects.get(reason="Thay thiết bị mạng.")
    assert window.province == hanoi.province and window.created_by == "admin"
    assert window.starts_at == datetime.datetime(2026, 6, 20, 20, 0, tzinfo=VN)
    assert 'name="province"' not in browser.get("/admin/lich-bao-tri/new/").content.decode()


def test_a_window_must_end_after_it_starts(hanoi):
    response = hanoi.signed_in_client().post("/admin/lich-bao-tri/new/", _form(ends_at="20/06/2026 19:00"))

    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in response.content.decode()
    assert not MaintenanceWindow.objects.exists()


def test_another_province_cannot_see_or_change_a_window(hanoi, hcm):
    window = _window(hanoi.province, reason="Bảo trì riêng của Hà Nội.")
    browser = hcm.signed_in_client()

    assert "Bảo trì riêng của Hà Nội." not in browser.get("/admin/lich-bao-tri/").content.decode()
    assert browser.get(f"/admin/lich-bao-tri/edit/{window.pk}/").status_code == 404
    assert browser.post(f"/admin/lich-bao-tri/edit/{window.pk}/", _form()).status_code == 404
    assert browser.post(f"/admin/lich-bao-tri/delete/{window.pk}/").status_code == 404
    assert MaintenanceWindow.objects.get(pk=window.pk).reason == "Bảo trì riêng của Hà Nội."
    assert "Bảo trì riêng của Hà Nội." in hanoi.signed_in_client().get("/admin/lich-bao-tri/").content.decode()


def test_the_centre_schedules_a_window_for_any_scope(central_admin, hanoi):
    platform_window = _window(None, reason="Bảo trì toàn hệ thống.")

    response = central_admin.post("/admin/lich-bao-tri/new/", _form(province=str(hanoi.province.pk)))

    assert response.status_code == 302
    assert MaintenanceWindow.objects.get(reason="Thay thiết bị mạng.").province == hanoi.province
    listing = central_admin.get("/admin/lich-bao-tri/").content.decode()
    assert platform_window.reason in listing and "Toàn hệ thống" in listing
