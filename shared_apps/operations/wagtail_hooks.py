from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from tenants.schemas import in_public_schema

from .forms import MaintenanceWindowForm
from .models import MaintenanceWindow
from .selectors import windows_managed_here


class MaintenancePolicy(ModelPermissionPolicy):
    """Centrally: the central office's superusers. In a province: whoever may change its site settings
    (Quản trị kỹ thuật, superusers of that province), for that province's windows only."""

    def user_has_permission(self, user, action):
        if action not in {"add", "change", "delete", "view"} or not user.is_active:
            return False
        if in_public_schema():
            return user.is_superuser
        return user.is_superuser or user.has_perm("wagtailcore.change_site")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(is_superuser=True)


register_permission_policy(MaintenanceWindow, MaintenancePolicy(MaintenanceWindow))


class ScopeColumn(Column):
    def get_value(self, instance):
        return str(instance.province) if instance.province_id else _("Toàn hệ thống")


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return windows_managed_here()


class ScopedEditView(generic.EditView):
    def get_queryset(self):
        return windows_managed_here()


class ScopedDeleteView(generic.DeleteView):
    def get_queryset(self):
        return windows_managed_here()


class MaintenanceWindowViewSet(ModelViewSet):
    model = MaintenanceWindow
    icon = "warning"
    menu_label = _("Lịch bảo trì")
    add_to_admin_menu = True
    menu_order = 850
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    list_display = [
        "reason",
        ScopeColumn("scope", label=_("Phạm vi")),
        "starts_at",
        "ends_at",
        "notice_working_days",
    ]

    def get_form_class(self, for_update=False):
        return MaintenanceWindowForm


@hooks.register("register_admin_viewset")
def register_maintenance_windows():
    return MaintenanceWindowViewSet("maintenance_windows", url_prefix="lich-bao-tri")
