"""Realistic Vietnamese content for the demo provinces, in every section onboarding creates.

`fill_province()` runs inside the province's schema, after onboarding. It is idempotent:
items are looked up by slug, number or name and only the missing ones are created, so a
second run creates nothing and leaves what the board edited alone.
"""

from __future__ import annotations

from django.db import transaction

from tenant_apps.home.models import HomePage
from tenants.models import Province

from .about import ensure_introduction
from .common import Context, Tally, section
from .documents import ensure_documents
from .news import ensure_news
from .offices import ensure_offices
from .procedures import ensure_procedures
from .profiles import PROFILES, ProvinceProfile
from .services import ensure_service_requests


def fill_province(province: Province, profile: ProvinceProfile | None = None) -> list[Tally]:
    """Fill the sections of `province` (the current schema); return what each section holds.

    `profile` defaults to the province's own; the browser tests lend one to a test province.
    """
    profile = profile or PROFILES.get(province.code)
    if profile is None:
        return []
    ctx = Context(province=province, profile=profile)
    with transaction.atomic():
        home = HomePage.objects.get()
        return [
            ensure_news(section(home, "tin-tuc"), ctx),
            ensure_documents(section(home, "van-ban"), ctx),
            ensure_procedures(section(home, "thu-tuc-hanh-chinh"), ctx),
            ensure_offices(section(home, "he-thong-co-quan"), ctx),
            ensure_introduction(section(home, "gioi-thieu"), ctx),
            ensure_service_requests(section(home, "dich-vu-cong"), ctx),
        ]
