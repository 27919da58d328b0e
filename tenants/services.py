"""Onboarding (khởi tạo) of a province: one idempotent, all-or-nothing service.

`onboard_province()` is called by `manage.py onboard_province`, by the Celery task behind the
central admin's form, by `make run`'s demo set-up and by the tests. Each step reports a line;
a re-run skips what exists; a failure anywhere rolls back everything, schema included
(PostgreSQL's DDL is transactional).

The kernel does the tenancy part (the Province row, its schema, its domains, the first
administrator); the site itself (home page, sections, Wagtail site, the board's groups and
workflow, the national backlog) is built by the steps that the apps register for
`tenants.steps.ONBOARD_PROVINCE`, in their order (docs/decisions.md, Hook points).
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django_tenants.clone import CloneSchema
from django_tenants.postgresql_backend.base import is_valid_schema_name
from django_tenants.utils import get_public_schema_name, schema_context, schema_exists, tenant_context
from wagtail.models import Page, Site

from .models import Domain, Province
from .registry import ProvincialUnit, find_unit
from .steps import ONBOARD_CENTRAL_SITE, ONBOARD_PROVINCE, Onboarding, Reporter, run_steps
from .urls import site_port

# RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
HOST_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
HOST_NAME_RE = re.compile(rf"^{HOST_LABEL}(\.{HOST_LABEL})*$")


class OnboardingError(Exception):
    """Bad onboarding input; the message is one line, in Vietnamese, fit for a user.

    `field` names the input at fault, so a form can show the message beside it.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass
class OnboardingRequest:
    unit: ProvincialUnit
    schema_name: str
    domains: list[str]
    admin_username: str
    admin_email: str


@dataclass
class OnboardingResult:
    province: Province
    created: bool
    admin_username: str
    admin_password: str | None  # only when this run created the account
    steps: list[str] = field(default_factory=list)
    seconds: float = 0.0


def normalise_host(host: str) -> str:
    return host.strip().lower().rstrip(".")


def validate_onboarding_request(
    code: str,
    *,
    domains: list[str] | None = None,
    schema_name: str | None = None,
    admin_username: str = "admin",
    admin_email: str = "",
) -> OnboardingRequest:
    """Check everything that can be checked before touching the database; raise OnboardingError."""
    unit = find_unit(code)
    if unit is None:
        raise OnboardingError(f"Mã tỉnh «{code}» không có trong danh mục đơn vị hành chính.", "code")

    existing = Province.objects.filter(code=unit.code).first()
    schema_name = (schema_name or (existing.schema_name if existing else unit.slug)).strip()
    if (
        schema_name.lower() in settings.RESERVED_SCHEMA_NAMES
        or schema_name.lower().startswith("pg_")
        or schema_name == get_public_schema_name()
    ):
        raise OnboardingError(f"Tên schema «{schema_name}» được dành riêng cho hệ thống.", "schema_name")
    if not is_valid_schema_name(schema_name) or schema_name != schema_name.lower():
        raise OnboardingError(
            f"Tên schema «{schema_name}» không hợp lệ (chỉ chữ thường, số và dấu gạch dưới).", "schema_name"
        )
    owner = Province.objects.filter(schema_name=schema_name).exclude(code=unit.code).first()
    if owner:
        raise OnboardingError(f"Tên schema «{schema_name}» đã được dùng cho {owner}.", "schema_name")

    hosts = list(dict.fromkeys(normalise_host(d) for d in (domains or []) if d.strip()))
    if not hosts:
        hosts = [f"{unit.slug}.{settings.PLATFORM_BASE_DOMAIN}"]
    for host in hosts:
        if len(host) > 253 or not HOST_NAME_RE.match(host):
            raise OnboardingError(f"Tên miền «{host}» không hợp lệ.", "domains")
        taken = Domain.objects.filter(domain=host).exclude(tenant__code=unit.code).select_related("tenant").first()
        if taken:
            raise OnboardingError(f"Tên miền «{host}» đã được dùng cho {taken.tenant}.", "domains")

    if not re.fullmatch(r"[\w.@+-]{1,150}", admin_username):
        raise OnboardingError(f"Tên tài khoản quản trị «{admin_username}» không hợp lệ.", "admin_username")
    return OnboardingRequest(
        unit=unit,
        schema_name=schema_name,
        domains=hosts,
        admin_username=admin_username,
        admin_email=admin_email or f"{admin_username}@{hosts[0]}",
    )


def onboard_province(
    code: str,
    *,
    domains: list[str] | None = None,
    schema_name: str | None = None,
    admin_username: str = "admin",
    admin_email: str = "",
    admin_password: str | None = None,
    report: Reporter = lambda line: None,
) -> OnboardingResult:
    """Create (or complete) a province: schema and domains, then the apps' steps, then the administrator."""
    started = time.perf_counter()
    request = validate_onboarding_request(
        code, domains=domains, schema_name=schema_name, admin_username=admin_username, admin_email=admin_email
    )
    steps: list[str] = []

    def step(line: str) -> None:
        steps.append(line)
        report(line)

    ensure_template_schema(step)
    unit = request.unit
    with transaction.atomic():
        province, created = Province.objects.get_or_create(
            code=unit.code,
            defaults={
                "schema_name": request.schema_name,
                "name": unit.official_name,
                "short_name": unit.short_name,
                "office_name": unit.office_name,
                "slug": unit.slug,
            },
        )
        step(f"Tỉnh: {province} ({'tạo mới' if created else 'đã có'})")
        if schema_exists(province.schema_name):
            step(f"Schema «{province.schema_name}»: đã có")
        else:
            clone_schema(settings.TENANT_TEMPLATE_SCHEMA, province.schema_name)
            step(f"Schema «{province.schema_name}»: sao chép từ mẫu")
        for index, host in enumerate(request.domains):
            _, domain_created = Domain.objects.get_or_create(
                domain=host, defaults={"tenant": province, "is_primary": index == 0 and not province.domains.exists()}
            )
            step(f"Tên miền {host}: {'thêm mới' if domain_created else 'đã có'}")

        with tenant_context(province):
            run_steps(ONBOARD_PROVINCE, Onboarding(province=province, created=created, report=step))
            password = _ensure_administrator(request.admin_username, request.admin_email, admin_password, step)

    return OnboardingResult(
        province=province,
        created=created,
        admin_username=request.admin_username,
        admin_password=password,
        steps=steps,
        seconds=time.perf_counter() - started,
    )


def ensure_default_site(root_page: Page, province: Province, report: Reporter) -> Site:
    """One Wagtail site per schema, on the province's primary domain, the default for every host that reaches it.

    For the step that creates a site's root page (tenant_apps.home, shared_apps.central).
    """
    hostname = province.get_primary_domain().domain
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first() or Site()
    site.hostname = hostname
    site.port = site_port()  # Wagtail's page URLs (sitemap, feeds, canonical links) carry the public port
    site.root_page = root_page
    site.site_name = province.office_name
    site.is_default_site = True
    site.save()
    Site.objects.exclude(pk=site.pk).delete()
    report(f"Wagtail Site: {hostname}")
    return site


def _ensure_administrator(username: str, email: str, password: str | None, step: Reporter) -> str | None:
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        step(f"Tài khoản quản trị «{username}»: đã có")
        return None
    password = password or secrets.token_urlsafe(12)
    User.objects.create_superuser(username=username, email=email, password=password)
    step(f"Tài khoản quản trị «{username}»: tạo mới")
    return password


def template_schema_is_current() -> bool:
    """True when the template schema exists and has every migration applied."""
    name = settings.TENANT_TEMPLATE_SCHEMA
    if not schema_exists(name):
        return False
    with schema_context(name):
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        return set(loader.graph.leaf_nodes()) <= set(loader.applied_migrations)


def clone_schema(source_schema: str, schema_name: str) -> None:
    """Copy a schema (the onboarding template), tables and rows, into a new schema.

    django-tenants' `CloneSchema.clone_schema` also replays the template's privileges, and that
    step fails when the database role is not a superuser (it grants on identity sequences the
    copy does not have; docs/decisions.md, Onboarding on a production database). One role owns
    every schema here, so the copy skips privileges ('NOACL').
    """
    connection.set_schema_to_public()
    CloneSchema()._create_clone_schema_function()  # idempotent CREATE OR REPLACE
    with connection.cursor() as cursor:
        cursor.execute("SELECT clone_schema(%s, %s, 'DATA', 'NOACL')", [source_schema, schema_name])


def ensure_template_schema(step: Reporter = lambda line: None) -> None:
    """Create or bring up to date the schema that onboarding clones."""
    if template_schema_is_current():
        return
    name = settings.TENANT_TEMPLATE_SCHEMA
    if not schema_exists(name):
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{name}"')
    # contenttypes' table is public (already without `name`): record its migrations first, or
    # wagtailcore's data migration, planned earlier, would query a historical `name` column.
    call_command("migrate_schemas", "contenttypes", tenant=True, schema_name=name, interactive=False, verbosity=0)
    call_command("migrate_schemas", tenant=True, schema_name=name, interactive=False, verbosity=0)
    connection.set_schema_to_public()
    with schema_context(name):
        remove_wagtail_placeholder()
    step(f"Schema mẫu «{name}»: đã cập nhật migration")


CENTRAL_OFFICE_NAME = "Bảo hiểm xã hội Việt Nam"


def ensure_central_site(
    domains: list[str],
    *,
    admin_username: str = "admin",
    admin_email: str = "",
    admin_password: str | None = None,
    report: Reporter = lambda line: None,
) -> OnboardingResult:
    """The central office's tenant row and domains (public schema), then the apps' steps, then the administrator."""
    started = time.perf_counter()
    steps: list[str] = []

    def step(line: str) -> None:
        steps.append(line)
        report(line)

    with transaction.atomic(), schema_context(get_public_schema_name()):
        central, created = Province.objects.get_or_create(
            schema_name=get_public_schema_name(),
            defaults={
                "name": CENTRAL_OFFICE_NAME,
                "short_name": "BHXH Việt Nam",
                "office_name": CENTRAL_OFFICE_NAME,
                "slug": "trung-uong",
                "address": "Số 7 Tràng Thi, phường Hoàn Kiếm, Hà Nội",
                "phone": "1900 9068",
                "email": "banbientap@vss.gov.vn",
                "responsible_person": "Trưởng Ban Tuyên truyền và Hỗ trợ người tham gia",
            },
        )
        step(f"Trung ương: {central} ({'tạo mới' if created else 'đã có'})")
        for index, host in enumerate(normalise_host(d) for d in domains):
            Domain.objects.get_or_create(domain=host, defaults={"tenant": central, "is_primary": index == 0})
        run_steps(ONBOARD_CENTRAL_SITE, Onboarding(province=central, created=created, report=step))
        password = _ensure_administrator(
            admin_username, admin_email or f"{admin_username}@vss.gov.vn", admin_password, step
        )
    return OnboardingResult(central, created, admin_username, password, steps, time.perf_counter() - started)


def remove_wagtail_placeholder() -> Page:
    """Delete the "Welcome" page (and its Site) that Wagtail's migrations create; return the root."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    return root
