"""Benchmark variant: no tenant resolution at all; every request is served from one pinned province.

The baseline of the tenancy tax (bench/stack/run.py tax): the same page, the same code, minus the
host -> province lookup and the schema switching.
"""

from config.settings.production import *  # noqa: F403
from config.settings.production import MIDDLEWARE

MIDDLEWARE = [
    entry if entry != "tenants.middleware.CachedTenantMiddleware" else "bench.stack.pinned.PinnedProvinceMiddleware"
    for entry in MIDDLEWARE
]
