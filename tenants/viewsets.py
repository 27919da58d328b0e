"""Admin screens of one side of the platform, and the central admin's own: provinces and onboarding.

Every province connection also sees the public schema's tables through its search path, and a
province schema holds empty copies of the page apps' tables; so a screen meant for one side must not
merely hide its menu item on the other, it must not exist there. `ScopedViewSetMixin` (viewsets),
`ScopedMenuItem` (plain menu items) and `scoped_urlpatterns` (URLs registered with
`register_admin_urls`) do both from one `scope`: `PROVINCE` or `CENTRAL` (`tenants.schemas`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.db import transaction
from django.http import HttpRequest
from django.urls import URLPattern, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .forms import OnboardingForm
from .models import OnboardingJob, Province
from .schemas import CENTRAL, Scope, checked_scope, in_public_schema, in_scope, scope_only


def scoped_urlpatterns(scope: Scope, patterns: list[URLPattern]) -> list[URLPattern]:
    """The same URL patterns, each answering 404 outside `scope`."""
    return [URLPattern(p.pattern, scope_only(scope)(p.callback), p.default_args, p.name) for p in patterns]


class ScopedMenuItem(MenuItem):
    """A menu item shown only on `scope`'s side and there only to users with `permission` (if given)
    and for whom `is_allowed(request)` holds (if given)."""

    def __init__(
        self,
        label,
        url,
        *,
        scope: Scope,
        permission: str | None = None,
        is_allowed: Callable[[HttpRequest], bool] | None = None,
        **kwargs,
    ):
        super().__init__(label, url, **kwargs)
        self.scope = checked_scope(scope)
        self.permission = permission
        self.is_allowed = is_allowed

    def is_shown(self, request):
        return (
            in_scope(self.scope)
            and (self.permission is None or request.user.has_perm(self.permission))
            and (self.is_allowed is None or self.is_allowed(request))
        )


class ScopedViewSetMixin:
    """A Wagtail viewset that exists on one side only: `scope = PROVINCE` or `scope = CENTRAL`.

    Its menu item is shown only there (and only to whom the viewset would show it anyway), and every
    URL it registers answers 404 on the other side, including those of a subclass that builds its
    own `get_urlpatterns()`.
    """

    scope: Scope | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        get_urlpatterns = cls.get_urlpatterns
        if getattr(get_urlpatterns, "scoped", False):
            return

        @wraps(get_urlpatterns)
        def scoped_get_urlpatterns(self):
            return scoped_urlpatterns(self.scope, get_urlpatterns(self))

        scoped_get_urlpatterns.scoped = True
        cls.get_urlpatterns = scoped_get_urlpatterns

    def on_register(self):
        checked_scope(self.scope)
        super().on_register()

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        return ScopedMenuItem(
            item.label,
            item.url,
            scope=self.scope,
            is_allowed=item.is_shown,
            name=item.name,
            icon_name=item.icon_name,
            order=item.order,
        )


class CentralOnlyPolicy(ModelPermissionPolicy):
    """Only the central office's superusers, on the central host, and only the allowed actions."""

    def __init__(self, model, allowed_actions: set[str]):
        super().__init__(model)
        self.allowed_actions = allowed_actions

    def user_has_permission(self, user, action):
        return in_public_schema() and user.is_superuser and action in self.allowed_actions

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(is_superuser=True)


class DomainsColumn(Column):
    def get_value(self, instance):
        return ", ".join(domain.domain for domain in instance.domains.all())


class ProvinceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().exclude(code="").prefetch_related("domains")


class ProvinceViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = CENTRAL
    model = Province
    add_to_reference_index = False
    copy_view_enabled = False
    icon = "site"
    menu_label = _("Danh sách tỉnh")
    add_to_admin_menu = False
    index_view_class = ProvinceIndexView
    list_display = [
        "office_name",
        "code",
        DomainsColumn("domains", label=_("Tên miền")),
        StatusTagColumn(
            "status",
            label=_("Trạng thái"),
            accessor=lambda row: row.get_status_display(),
            primary=lambda p: p.status == Province.Status.ACTIVE,
        ),
        DateColumn("created_at", label=_("Khởi tạo")),
    ]
    list_filter = ["status"]
    search_fields = ["name", "short_name", "code", "slug"]
    form_fields = ["office_name", "short_name", "theme", "status", "address", "phone", "email", "responsible_person"]
    inspect_view_enabled = True


class OnboardingJobCreateView(generic.CreateView):
    def save_instance(self):
        from .tasks import run_onboarding_job

        job = self.form.save(commit=False)
        job.requested_by = self.request.user.get_username()
        job.save()
        transaction.on_commit(lambda: run_onboarding_job.delay(job.pk))
        return job

    def get_success_message(self, instance):
        return _("Đã gửi yêu cầu khởi tạo %(code)s; theo dõi trạng thái trong danh sách.") % {"code": instance.code}

    def get_success_url(self):
        return reverse(self.index_url_name)


class OnboardingJobViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = CENTRAL
    model = OnboardingJob
    add_to_reference_index = False
    copy_view_enabled = False
    icon = "plus"
    menu_label = _("Khởi tạo tỉnh")
    add_to_admin_menu = False
    add_view_class = OnboardingJobCreateView
    list_display = [
        "code",
        Column("domains", label=_("Tên miền"), accessor=lambda job: ", ".join(job.domains)),
        StatusTagColumn(
            "status",
            label=_("Trạng thái"),
            accessor=lambda row: row.get_status_display(),
            primary=lambda job: job.status == OnboardingJob.Status.SUCCEEDED,
        ),
        "error",
        DateColumn("created_at", label=_("Tạo lúc")),
        DateColumn("finished_at", label=_("Kết thúc lúc")),
    ]
    list_filter = ["status"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return OnboardingForm

    inspect_view_fields = [
        "code",
        "domains",
        "admin_username",
        "admin_email",
        "status",
        "log",
        "error",
        "province",
        "requested_by",
        "created_at",
        "finished_at",
    ]


class ProvinceAdminGroup(ViewSetGroup):
    menu_label = _("Tỉnh, thành phố")
    menu_icon = "globe"
    menu_order = 150
    items = (ProvinceViewSet("provinces"), OnboardingJobViewSet("onboarding"))
