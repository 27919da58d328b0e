"""Demo data for `make run`: the central site and a few provinces with realistic contacts and content."""

from __future__ import annotations

from django.conf import settings
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from shared_apps.newsroom.services import ensure_newsroom_sections
from tenant_apps.home.models import HomePage

from .demo_content import fill_province
from .services import Reporter, ensure_central_site, onboard_province

DEMO_PASSWORD = "bhxh-demo-2026"
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
        ensure_newsroom_sections()  # "Tin toàn ngành" and "Văn bản toàn ngành" on the central site
    urls = [("Trung ương", base)]
    for code, demo_contacts in DEMO_PROVINCES.items():
        contacts = dict(demo_contacts)
        hotline = contacts.pop("hotline", None) or "1900 9068"
        result = onboard_province(code, admin_password=DEMO_PASSWORD, report=report)
        province = result.province
        for field, value in contacts.items():
            setattr(province, field, value)
        province.save()
        with tenant_context(province):
            HomePage.objects.filter(hotline="").update(hotline=hotline)
            tallies = fill_province(province)
        if tallies:
            report(f"Nội dung mẫu: {', '.join(str(tally) for tally in tallies)}")
        urls.append((province.short_name, province.get_primary_domain().domain))
    return urls
