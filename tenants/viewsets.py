"""Central admin: the list of provinces and the onboarding form (public schema only).

The Province and OnboardingJob tables live in the public schema, which every province
connection also sees through its search path; so these views check the schema themselves
(404 on a province host) and their menu item is shown only on the central host.
"""

from django.db import transaction
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
from .schemas import in_public_schema, public_schema_only


class CentralMenuItem(MenuItem):
    def is_shown(self, request):
        return in_public_schema() and request.user.is_superuser


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


class CentralOnlyViewSet(ModelViewSet):
    menu_item_class = CentralMenuItem
    add_to_reference_index = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            URLPattern(p.pattern, public_schema_only(p.callback), p.default_args, p.name)
            for p in super().get_urlpatterns()
        ]


class DomainsColumn(Column):
    def get_value(self, instance):
        return ", ".join(domain.domain for domain in instance.domains.all())


class ProvinceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().exclude(code="").prefetch_related("domains")


class ProvinceViewSet(CentralOnlyViewSet):
    model = Province
    icon = "site"
    menu_label = _("Danh sách tỉnh")
    add_to_admin_menu = False
    index_view_class = ProvinceIndexView
    list_display = [
        "office_name",
        "code",
        DomainsColumn("domains", label=_("Tên miền")),
        StatusTagColumn("status", label=_("Trạng thái"), primary=lambda p: p.status == Province.Status.ACTIVE),
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


class OnboardingJobViewSet(CentralOnlyViewSet):
    model = OnboardingJob
    icon = "plus"
    menu_label = _("Khởi tạo tỉnh")
    add_to_admin_menu = False
    add_view_class = OnboardingJobCreateView
    list_display = [
        "code",
        Column("domains", label=_("Tên miền"), accessor=lambda job: ", ".join(job.domains)),
        StatusTagColumn(
            "status", label=_("Trạng thái"), primary=lambda job: job.status == OnboardingJob.Status.SUCCEEDED
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
