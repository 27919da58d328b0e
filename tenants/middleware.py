"""Tenant resolution for every request, and the 503 page of a suspended province."""

import logging
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.template.response import TemplateResponse
from django_tenants.middleware.main import TenantMainMiddleware
from wagtail.models import Site

from tenants.serving_redis import cache_server

logger = logging.getLogger(__name__)

# hostname -> (tenant, expiry), per process. Any Province/Domain/Site change (and any maintenance
# window change, shared_apps/operations) bumps a generation
# counter in Redis (TenantsConfig.ready); every process compares it on each request, so a
# suspension or a new theme is seen at once everywhere. Without Redis, entries expire after
# TENANT_CACHE_SECONDS.
_tenants_by_host: dict[str, tuple[object, float]] = {}
# (schema, Host header) -> the Wagtail Site's field values, under the same generation and expiry:
# Wagtail looks the site up with one query per page view otherwise.
_sites_by_host: dict[tuple[str, str], tuple[dict, float]] = {}
_seen_generation: list[bytes | None] = [None]
GENERATION_KEY = "bhxh:tenants:generation"
UNREACHABLE = b"redis-unreachable"


def forget_cached_tenants() -> None:
    """Called after a Province, Domain or Site changes: every process drops what it remembered."""
    _tenants_by_host.clear()
    _sites_by_host.clear()
    try:
        _start_generation()
        cache_server().incr(GENERATION_KEY)
    except Exception:
        logger.warning("tenant cache generation not bumped: Redis unreachable")


def _start_generation() -> None:
    """On a Redis that lost its data, count on from the clock: a worker compares generations by
    equality, and must never meet again a number it saw before the loss."""
    cache_server().set(GENERATION_KEY, time.time_ns() // 1000, nx=True)


def seen_generation() -> bytes | None:
    """The generation this worker last read at the start of a request (None outside requests or
    while Redis is unreachable): values cached per process under it are current."""
    generation = _seen_generation[0]
    return None if generation == UNREACHABLE else generation


def _remembered_tenant(hostname: str):
    try:
        generation = cache_server().get(GENERATION_KEY)
        if generation is None:
            _start_generation()
            generation = cache_server().get(GENERATION_KEY)
    except Exception:
        generation = UNREACHABLE
    if generation != _seen_generation[0]:
        _tenants_by_host.clear()
        _sites_by_host.clear()
        _seen_generation[0] = generation
    cached = _tenants_by_host.get(hostname)
    if cached is None or cached[1] <= time.monotonic():
        return None
    return cached[0]


class CachedTenantMiddleware(TenantMainMiddleware):
    """django-tenants' middleware without its per-request tax (docs/decisions.md, Tenancy tax).

    The stock middleware looks the host up in the database on every request and then calls
    `set_tenant`, which forgets the connection's search_path and clears the ContentType cache
    even when the same worker served the same province a moment ago. Here the host lookup is
    remembered for a few seconds, and a connection already pointed at the province's schema is
    left as it is; switching to another province still goes through `set_tenant`.
    """

    def get_tenant(self, domain_model, hostname):
        tenant = super().get_tenant(domain_model, hostname)
        _tenants_by_host[hostname] = (tenant, time.monotonic() + settings.TENANT_CACHE_SECONDS)
        return tenant

    def process_request(self, request):
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return super().process_request(request)
        tenant = _remembered_tenant(hostname)
        if tenant is None:
            return super().process_request(request)
        tenant.domain_url = hostname
        request.tenant = tenant
        if connection.schema_name == tenant.schema_name and connection.search_path_set_schemas:
            connection.tenant = tenant
        else:
            connection.set_tenant(tenant)
        self.setup_url_routing(request)
        self._reuse_remembered_site(request)
        return None

    @staticmethod
    def _site_key(request) -> tuple[str, str]:
        return connection.schema_name, request._get_raw_host()

    def _reuse_remembered_site(self, request) -> None:
        """Hand Wagtail the site it found for this host before (a fresh instance per request:
        Wagtail caches the root page on it)."""
        key = self._site_key(request)
        remembered = _sites_by_host.get(key)
        if remembered is None:
            return
        if remembered[1] <= time.monotonic():
            del _sites_by_host[key]
            return
        fields = remembered[0]
        request._wagtail_site = Site.from_db(None, list(fields), list(fields.values()))

    def process_response(self, request, response):
        site = request.__dict__.get("_wagtail_site")
        if site is not None and self._site_key(request) not in _sites_by_host:
            fields = {field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}
            _sites_by_host[self._site_key(request)] = (fields, time.monotonic() + settings.TENANT_CACHE_SECONDS)
        return response


class SuspendedProvinceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        province = getattr(request, "tenant", None)
        if province is not None and province.is_suspended:
            response = TemplateResponse(request, "tenants/suspended.html", {"province": province}, status=503)
            response["Retry-After"] = "3600"
            return response.render()
        return self.get_response(request)
