"""Benchmark variant: django-tenants' own middleware, as the platform was before its tenancy fast path.

Same production settings otherwise; used by bench/stack/run.py (tax) on its own gunicorn.
"""

from config.settings.production import *  # noqa: F403
from config.settings.production import MIDDLEWARE

STOCK = "django_tenants.middleware.main.TenantMainMiddleware"
MIDDLEWARE = [entry if entry != "tenants.middleware.CachedTenantMiddleware" else STOCK for entry in MIDDLEWARE]
