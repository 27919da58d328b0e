"""Onboarding (khởi tạo) of a province: one idempotent, all-or-nothing service.

`onboard_province()` is called by `manage.py onboard_province`, by the Celery task behind the
central admin's form, by `make run`'s demo set-up and by the tests. Each step reports a line;
a re-run skips what exists; a failure anywhere rolls back everything, schema included
(PostgreSQL's DDL is transactional).

The kernel does the tenancy part (the Province row, its schema, its domains, the first
administrator); the site itself (home page, sections, Wagtail site, the board's groups and
workflow, the national backlog) is built by the steps that the apps register for
`tenants.steps.ONBOARD_PROVINCE`, in their order (docs/decisions.md, Hook points).

A province that exists is refused unless the caller asks to complete it (`existing_ok`); adding a
domain or an administrator to a live province is its own operation (`add_domain()`,
`add_administrator()`). No password is made up here: an administrator without one gets a
one-time link to set it (`administrator_invitation_link()`).
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.clone import CloneSchema
from django_tenants.postgresql_backend.base import is_valid_schema_name
from django_tenants.utils import get_public_schema_name, schema_context, schema_exists, tenant_context
from wagtail.models import Page, Site

from .models import Domain, Province
from .registry import ProvincialUnit, find_unit
from .schema_migrations import schemas_to_migrate
from .steps import ONBOARD_CENTRAL_SITE, ONBOARD_PROVINCE, Onboarding, Reporter, run_steps
from .urls import absolute_url, site_port

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
    admin_password: str | None  # the central site's, only when this run made one up
    steps: list[str] = field(default_factory=list)
    seconds: float = 0.0
    administrator: object | None = None  # the account this run created, if any


def normalise_host(host: str) -> str:
    return host.strip().lower().rstrip(".")


def validate_onboarding_request(
    code: str,
    *,
    domains: list[str] | None = None,
    schema_name: str | None = None,
    admin_username: str = "admin",
    admin_email: str = "",
    existing_ok: bool = False,
) -> OnboardingRequest:
    """Check everything that can be checked before touching the database; raise OnboardingError.

    A province already onboarded is refused unless `existing_ok` (completing it on purpose).
    """
    unit = find_unit(code)
    if unit is None:
        raise OnboardingError(f"Mã tỉnh «{code}» không có trong danh mục đơn vị hành chính.", "code")

    existing = Province.objects.filter(code=unit.code).first()
    if existing and not existing_ok:
        raise OnboardingError(
            f"{existing} đã được khởi tạo; thêm tên miền hay quản trị viên trên trang của tỉnh "
            "(Tỉnh, thành phố → Danh sách tỉnh), hoặc chạy lại lệnh với --bo-sung để bổ sung phần còn thiếu.",
            "code",
        )
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
        _check_host(host, unit.code)
    _check_username(admin_username)
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
    existing_ok: bool = False,
    report: Reporter = lambda line: None,
) -> OnboardingResult:
    """Create a province (or, with `existing_ok`, complete one): schema and domains, then the apps' steps,
    then the administrator, who has no usable password unless `admin_password` is given."""
    started = time.perf_counter()
    request = validate_onboarding_request(
        code,
        domains=domains,
        schema_name=schema_name,
        admin_username=admin_username,
        admin_email=admin_email,
        existing_ok=existing_ok,
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
        elif take_spare_schema(province.schema_name):
            step(f"Schema «{province.schema_name}»: bản sao mẫu dựng sẵn")
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
            administrator = _ensure_administrator(request.admin_username, request.admin_email, admin_password, step)

    return OnboardingResult(
        province=province,
        created=created,
        admin_username=request.admin_username,
        admin_password=None,
        steps=steps,
        seconds=time.perf_counter() - started,
        administrator=administrator,
    )


def check_new_domain(province: Province, host: str) -> str:
    """The normalised host, if it can be added to `province`; raise OnboardingError otherwise."""
    host = normalise_host(host)
    _check_host(host, province.code, field="domain")
    if province.domains.filter(domain=host).exists():
        raise OnboardingError(f"Tên miền «{host}» đã là của {province}.", "domain")
    return host


@transaction.atomic
def add_domain(province: Province, host: str) -> Domain:
    """Thêm tên miền: one more host name for a live province (confirmed in the central admin)."""
    return Domain.objects.create(domain=check_new_domain(province, host), tenant=province, is_primary=False)


def check_new_administrator(province: Province, username: str) -> None:
    """Raise OnboardingError unless `username` is a valid name not yet used in `province`'s schema."""
    _check_username(username, field="username")
    with tenant_context(province):
        if get_user_model().objects.filter(username=username).exists():
            raise OnboardingError(f"Tài khoản «{username}» đã có trong {province}.", "username")


@transaction.atomic
def add_administrator(province: Province, username: str, email: str):
    """Thêm quản trị viên: a superuser of the province's schema, without a password; send them
    `send_administrator_invitation()` to set one."""
    check_new_administrator(province, username)
    with tenant_context(province):
        return get_user_model().objects.create_superuser(username=username, email=email, password=None)


def administrator_invitation_link(province: Province, user) -> str:
    """The one-time link (Django's password-reset token) where `user`, an account of `province`'s schema,
    sets a password: the board's invitation page, on the province's own host."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(province, reverse("accept_invitation", kwargs={"uidb64": uidb64, "token": token}))


def send_administrator_invitation(province: Province, user) -> None:
    """E-mail the new administrator the link to set their password (never a password)."""
    send_mail(
        subject=f"Tài khoản quản trị trang thông tin điện tử {province}",
        message=(
            f"Kính gửi {user.get_username()},\n\nBạn được cấp tài khoản quản trị trang thông tin điện tử "
            f"{province}.\nTên đăng nhập: {user.get_username()}\nVui lòng đặt mật khẩu tại liên kết sau "
            f"(chỉ dùng được một lần):\n{administrator_invitation_link(province, user)}\n\n"
            "Sau khi đặt mật khẩu, bạn sẽ thiết lập xác thực hai bước ở lần đăng nhập đầu tiên."
        ),
        from_email=None,
        recipient_list=[user.email],
    )


def _check_host(host: str, code: str, field: str = "domains") -> None:
    if len(host) > 253 or not HOST_NAME_RE.match(host):
        raise OnboardingError(f"Tên miền «{host}» không hợp lệ.", field)
    taken = Domain.objects.filter(domain=host).exclude(tenant__code=code).select_related("tenant").first()
    if taken:
        raise OnboardingError(f"Tên miền «{host}» đã được dùng cho {taken.tenant}.", field)


def _check_username(username: str, field: str = "admin_username") -> None:
    if not re.fullmatch(r"[\w.@+-]{1,150}", username):
        raise OnboardingError(f"Tên tài khoản quản trị «{username}» không hợp lệ.", field)


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


def _ensure_administrator(username: str, email: str, password: str | None, step: Reporter):
    """The account created (None when it existed); without `password` it has none usable yet."""
    if get_user_model().objects.filter(username=username).exists():
        step(f"Tài khoản quản trị «{username}»: đã có")
        return None
    user = get_user_model().objects.create_superuser(username=username, email=email, password=password)
    step(f"Tài khoản quản trị «{username}»: tạo mới")
    return user


def template_schema_is_current() -> bool:
    """True when the template schema exists and has every migration applied.

    One indexed query (tenants/schema_migrations.py): Django's MigrationLoader on a connection lists
    every visible table of the catalogue, which grows with the provinces (160 ms at 200).
    """
    name = settings.TENANT_TEMPLATE_SCHEMA
    return schema_exists(name) and not schemas_to_migrate([name])


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


# A copy of the template made ahead of time, renamed by the next onboarding (issue 20): cloning walks
# the whole catalogue (every province's relations), so it grows with the number of provinces.
SPARE_SCHEMA_LOCK = 20_2026  # pg advisory lock: one onboarding or preparation touches the spare at a time


def spare_schema_name() -> str:
    return f"{settings.TENANT_TEMPLATE_SCHEMA}_spare"


def take_spare_schema(schema_name: str) -> bool:
    """Rename the ready copy of the template to `schema_name`, in the caller's transaction.

    False (the caller clones) when there is none, when it is behind the migrations on disk, or when
    another onboarding or preparation holds it.
    """
    spare = spare_schema_name()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SPARE_SCHEMA_LOCK])
        if not cursor.fetchone()[0]:
            return False
        if not schema_exists(spare) or schemas_to_migrate([spare]):
            return False
        cursor.execute(f'ALTER SCHEMA "{spare}" RENAME TO "{schema_name}"')
    return True


def prepare_spare_schema(step: Reporter = lambda line: None) -> bool:
    """Make the spare copy of the template unless a current one exists; True when one was made."""
    ensure_template_schema(step)
    spare = spare_schema_name()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SPARE_SCHEMA_LOCK])
        if schema_exists(spare) and not schemas_to_migrate([spare]):
            return False
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{spare}" CASCADE')
        clone_schema(settings.TENANT_TEMPLATE_SCHEMA, spare)
    step(f"Schema dự phòng «{spare}»: đã sao chép từ mẫu")
    return True


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
        password = admin_password or secrets.token_urlsafe(12)  # printed once by setup_newsroom, never mailed
        administrator = _ensure_administrator(
            admin_username, admin_email or f"{admin_username}@vss.gov.vn", password, step
        )
    return OnboardingResult(
        central,
        created,
        admin_username,
        password if administrator else None,
        steps,
        time.perf_counter() - started,
        administrator,
    )


def remove_wagtail_placeholder() -> Page:
    """Delete the "Welcome" page (and its Site) that Wagtail's migrations create; return the root."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    return root
