"""Province admin of online service requests: the list, the detail with its status change form,
and the personal-data access log. Shown and routed only in province admins."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from tenants.schemas import PROVINCE
from tenants.viewsets import ScopedViewSetMixin

from .forms import StatusChangeForm
from .models import PersonalDataAccess, ServiceRequest
from .privacy import personal_data_for
from .selectors import staff_history
from .services import InvalidTransition, change_status, record_personal_data_access


class RestrictedActionsPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody (not even a superuser) may do `denied_actions` by hand."""

    def __init__(self, model, denied_actions: frozenset[str]):
        super().__init__(model)
        self.denied_actions = denied_actions

    def user_has_permission(self, user, action):
        return action not in self.denied_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Requests come from citizens and are never added or deleted by hand (the retention task erases
# their personal data); the access log is read-only for everyone.
SERVICE_REQUEST_POLICY = RestrictedActionsPolicy(ServiceRequest, frozenset({"add", "delete"}))
ACCESS_LOG_POLICY = RestrictedActionsPolicy(PersonalDataAccess, frozenset({"add", "change", "delete"}))


class ReadOnlyModelViewSet(ScopedViewSetMixin, ModelViewSet):
    """A list (and optionally a detail view); no add, edit, copy or delete views."""

    copy_view_enabled = False
    add_to_reference_index = False
    registered_permissions: tuple[str, ...] = ()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
        if self.inspect_view_enabled:
            patterns.append(path("<int:pk>/", self.inspect_view, name="inspect"))
        return patterns

    @property
    def url_finder_class(self):
        return type("_URLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")})

    def register_admin_url_finder(self):
        if self.inspect_view_enabled:
            super().register_admin_url_finder()

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(self.model)
        return Permission.objects.filter(content_type=content_type, codename__in=self.registered_permissions)


class ServiceRequestIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class ServiceRequestDetailView(generic.InspectView):
    """The request, its history and its personal data (masked without the permission, each view
    logged with it), and the form that moves it to its next status."""

    template_name = "online_services/admin/service_request_detail.html"
    any_permission_required = ["change", "view"]

    def get_page_title(self):
        return _("Yêu cầu %(code)s") % {"code": self.object.tracking_code}

    def get_page_subtitle(self):
        return self.object.request_type

    @cached_property
    def can_change_status(self) -> bool:
        return self.user_has_permission("change") and bool(self.object.next_statuses())

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        form = StatusChangeForm(request.POST, current_status=self.object.status)
        if form.is_valid():
            try:
                change_status(self.object, form.cleaned_data["to_status"], form.cleaned_data["note"], request.user)
            except InvalidTransition as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Đã chuyển hồ sơ %(code)s sang «%(status)s».")
                    % {"code": self.object.tracking_code, "status": self.object.get_status_display()},
                )
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(status_form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        service_request = self.object
        personal = personal_data_for(self.request.user, service_request)
        if personal.visible and not service_request.personal_data_erased_at:
            record_personal_data_access(self.request.user, service_request, personal.what)
        status_form = kwargs.get("status_form")
        if status_form is None and self.can_change_status:
            status_form = StatusChangeForm(current_status=service_request.status)
        context.update(
            service_request=service_request,
            personal=personal,
            history=staff_history(service_request),
            status_form=status_form if self.can_change_status else None,
        )
        return context


class ServiceRequestViewSet(ReadOnlyModelViewSet):
    scope = PROVINCE
    model = ServiceRequest
    icon = "form"
    menu_label = gettext_lazy("Yêu cầu đã nhận")
    index_view_class = ServiceRequestIndexView
    inspect_view_enabled = True
    inspect_view_class = ServiceRequestDetailView
    list_display = [
        "tracking_code",
        "request_type",
        "full_name",
        Column("status", label=gettext_lazy("Trạng thái"), accessor="get_status_display"),
        DateColumn("created_at", label=gettext_lazy("Gửi lúc")),
    ]
    list_filter = ["status", "page"]
    search_fields = ["tracking_code", "full_name"]
    registered_permissions = ("view_servicerequest", "change_servicerequest", "view_personal_data")


class PersonalDataAccessViewSet(ReadOnlyModelViewSet):
    scope = PROVINCE
    model = PersonalDataAccess
    icon = "view"
    menu_label = gettext_lazy("Nhật ký xem dữ liệu cá nhân")
    list_display = [
        DateColumn("accessed_at", label=gettext_lazy("Lúc")),
        "username",
        "tracking_code",
        "what",
    ]
    list_filter = ["username"]
    search_fields = ["username", "tracking_code"]
    registered_permissions = ("view_personaldataaccess",)


class OnlineServicesGroup(ViewSetGroup):
    menu_label = gettext_lazy("Dịch vụ công")
    menu_icon = "form"
    menu_order = 280
    items = (
        ServiceRequestViewSet("service_requests"),
        PersonalDataAccessViewSet("personal_data_access"),
    )
