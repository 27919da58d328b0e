"""Realistic Vietnamese content for the demo provinces, in every section onboarding creates.

`fill_province()` runs inside the province's schema, after onboarding: in one transaction, every
step registered for `tenants.steps.DEMO_PROVINCE` (this app's own are in ../steps.py). It is
idempotent: items are looked up by slug, number or name and only the missing ones are created, so
a second run creates nothing and leaves what the board edited alone.
"""

from __future__ import annotations

from django.db import transaction

from tenant_apps.home.models import HomePage
from tenants.models import Province
from tenants.steps import DEMO_PROVINCE, run_steps

from .common import Context, Tally
from .profiles import PROFILES, ProvinceProfile


def fill_province(province: Province, profile: ProvinceProfile | None = None) -> list[Tally]:
    """Fill the sections of `province` (the current schema); return what each step reports.

    `profile` defaults to the province's own; the browser tests lend one to a test province.
    """
    profile = profile or PROFILES.get(province.code)
    if profile is None:
        return []
    with transaction.atomic():
        ctx = Context(province=province, profile=profile, home=HomePage.objects.get())
        return [summary for summary in run_steps(DEMO_PROVINCE, ctx) if summary is not None]
