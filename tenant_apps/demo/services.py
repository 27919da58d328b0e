"""Demo data for `make run`: the central site and a few provinces with realistic contacts and content.

`setup_demo()` sets up the central site and onboards the demo provinces with the kernel's services,
then runs the demo steps that apps registered (tenants.steps: DEMO_CENTRAL_SITE, DEMO_PROVINCE).
"""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from tenant_apps.accounts.services import has_second_factor
from tenant_apps.home.models import HomePage
from tenants.services import ensure_central_site, onboard_province
from tenants.steps import DEMO_CENTRAL_SITE, Reporter, run_steps

from .content import fill_province

DEMO_PASSWORD = "bhxh-demo-2026"
# The demo admins' second factor: a fixed secret, published in the README, so that `make run`
# can be signed into. Type it into an authenticator app, or print the current code with
# `.venv/bin/python manage.py demo_otp_code`. Only setup_demo uses it.
DEMO_AUTHENTICATOR_KEY = b"bhxh-demo-2026-totp!"
DEMO_AUTHENTICATOR_SECRET = b32encode(DEMO_AUTHENTICATOR_KEY).decode()  # MJUHQ2BNMRSW23ZNGIYDENRNORXXI4BB
DEMO_PROVINCES = {
    "01": {
        "address": "Số 86 Trần Hưng Đạo, phường Cửa Nam, thành phố Hà Nội",
        "phone": "024 3942 3498",
        "email": "bhxh@hanoi.vss.gov.vn",
        "responsible_person": "Giám đốc Bảo hiểm xã hội thành phố Hà Nội",
        "hotline": "1900 9068",
    },
    "79": {
        "address": "Số 117C Nguyễn Đình Chính, phường Phú Nhuận, Thành phố Hồ Chí Minh",
        "phone": "028 3997 0123",
        "email": "bhxh@hcm.vss.gov.vn",
        "responsible_person": "Giám đốc Bảo hiểm xã hội Thành phố Hồ Chí Minh",
        "hotline": "1900 9068",
    },
    "48": {
        "address": "Số 12 Đường 30 Tháng 4, phường Hòa Cường, thành phố Đà Nẵng",
        "phone": "0236 3822 112",
        "email": "bhxh@danang.vss.gov.vn",
        "responsible_person": "Giám đốc Bảo hiểm xã hội thành phố Đà Nẵng",
        "hotline": "1900 9068",
    },
}


def setup_demo(report: Reporter = print) -> list[tuple[str, str]]:
    """Idempotently create the demo platform; return (label, URL) pairs to print."""
    base = settings.PLATFORM_BASE_DOMAIN
    ensure_central_site([base, "127.0.0.1"], admin_password=DEMO_PASSWORD, report=report)
    with schema_context(get_public_schema_name()):
        ensure_demo_authenticator()
        run_steps(DEMO_CENTRAL_SITE, report)  # e.g. the newsroom's "Tin toàn ngành", "Văn bản toàn ngành"
    urls = [("Trung ương", base)]
    for code, demo_contacts in DEMO_PROVINCES.items():
        contacts = dict(demo_contacts)
        hotline = contacts.pop("hotline", None) or "1900 9068"
        result = onboard_province(code, admin_password=DEMO_PASSWORD, existing_ok=True, report=report)
        province = result.province
        for field, value in contacts.items():
            setattr(province, field, value)
        province.save()
        with tenant_context(province):
            HomePage.objects.filter(hotline="").update(hotline=hotline)
            ensure_demo_authenticator()
            tallies = fill_province(province)
        if tallies:
            report(f"Nội dung mẫu: {', '.join(str(tally) for tally in tallies)}")
        urls.append((province.short_name, province.get_primary_domain().domain))
    report(
        f"Xác thực hai bước của admin mẫu: khóa {DEMO_AUTHENTICATOR_SECRET} trong ứng dụng xác thực, "
        "hoặc lấy mã bằng: .venv/bin/python manage.py demo_otp_code"
    )
    return urls


def ensure_demo_authenticator(username: str = "admin") -> None:
    """Give the demo admin of the current schema the published authenticator, unless they set up their own."""
    user = get_user_model().objects.get(username=username)
    if not has_second_factor(user):
        TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực (demo)", key=DEMO_AUTHENTICATOR_KEY.hex())


def demo_authenticator_code() -> str:
    """The code the demo authenticator shows right now."""
    return f"{TOTP(DEMO_AUTHENTICATOR_KEY).token():06d}"
