"""Tenant resolution for every request, and the 503 page of a suspended province."""

from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import get_tenant_domain_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from tenants.versions import Counter

# Bumped by every Province, Domain and Site change (TenantsConfig.ready) and maintenance window
# change (shared_apps/operations): what each worker remembers per host is kept under it.
TENANT_GENERATION = Counter("tenants")


def forget_cached_tenants() -> None:
    """Called after a Province, Domain or Site changes: every process drops what it remembered."""
    TENANT_GENERATION.bump()


class CachedTenantMiddleware(TenantMainMiddleware):
    """django-tenants' middleware without its per-request tax (docs/decisions.md, Tenancy tax).

    The stock middleware looks the host up in the database on every request and then calls
    `set_tenant`, which forgets the connection's search_path and clears the ContentType cache
    even when the same worker served the same province a moment ago. Here the host's province and
    Wagtail site are remembered under the tenant generation, and a connection already pointed at
    the province's schema is left as it is; switching to another province still goes through
    `set_tenant`. While Redis cannot be reached, nothing is remembered: the stock path runs.
    """

    def process_request(self, request):
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return super().process_request(request)
        if TENANT_GENERATION.value(request) is None:
            return super().process_request(request)
        domain_model = get_tenant_domain_model()
        try:
            tenant = TENANT_GENERATION.cached(request, f"tenant:{hostname}", lambda: self._find(domain_model, hostname))
        except domain_model.DoesNotExist:
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

    def _find(self, domain_model, hostname):
        connection.set_schema_to_public()
        return self.get_tenant(domain_model, hostname)

    @staticmethod
    def _reuse_remembered_site(request) -> None:
        """Hand Wagtail the site it finds for this host (a fresh instance per request: Wagtail
        caches the root page on it)."""
        fields = TENANT_GENERATION.cached(
            request, f"site:{connection.schema_name}:{request._get_raw_host()}", lambda: _site_fields(request)
        )
        if fields is not None:
            request._wagtail_site = Site.from_db(None, list(fields), list(fields.values()))


def _site_fields(request) -> dict | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    return {field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}


class FormerHostRedirectMiddleware:
    """A former host (of a renamed province, or of one absorbed by a merge) answers 301 on the
    province's primary domain: to the page an old path was moved to (a Wagtail redirect of the
    receiving site), or else to the same path. One hop, so an old path that a page of the receiving
    province also has still reaches the moved page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        province = getattr(request, "tenant", None)
        if province is None or request.get_host().split(":")[0] not in _former_hosts(request):
            return self.get_response(request)
        primary = TENANT_GENERATION.cached(
            request, f"primary:{province.schema_name}", lambda: province.get_primary_domain().domain
        )
        port = request.get_port()
        base = f"{request.scheme}://{primary}{'' if port in ('80', '443') else f':{port}'}"
        moved = Redirect.objects.filter(site__isnull=True, old_path=Redirect.normalise_path(request.path)).first()
        link = moved.link if moved else request.get_full_path()
        return HttpResponsePermanentRedirect(link if "://" in link else base + link)


def _former_hosts(request) -> frozenset[str]:
    domain_model = get_tenant_domain_model()
    return TENANT_GENERATION.cached(
        request,
        "former-hosts",
        lambda: frozenset(domain_model.objects.filter(redirects=True).values_list("domain", flat=True)),
    )


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
