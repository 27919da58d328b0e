from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from tenants.schemas import CENTRAL, PROVINCE
from tenants.viewsets import CentralOnlyPolicy, ScopedMenuItem, ScopedViewSetMixin, scoped_urlpatterns

from . import views
from .models import AdHocRequest

register_permission_policy(AdHocRequest, CentralOnlyPolicy(AdHocRequest, {"add", "change", "view"}))


class AnswersColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{}">Xem trả lời</a>', reverse("central_adhoc_answers", args=[instance.pk]))


class AdHocRequestViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = CENTRAL
    model = AdHocRequest
    add_to_reference_index = False
    copy_view_enabled = False
    icon = "mail"
    menu_label = _("Yêu cầu báo cáo đột xuất")
    add_to_admin_menu = True
    menu_order = 160
    list_display = ["subject", "deadline", "created_at", AnswersColumn("answers", label=_("Trả lời của các tỉnh"))]
    form_fields = ["subject", "questions", "deadline", "provinces"]


@hooks.register("register_admin_viewset")
def register_adhoc_requests():
    return AdHocRequestViewSet("adhoc_requests")


@hooks.register("register_admin_urls")
def register_reporting_urls():
    province = [
        path("bao-cao/", views.province_reports, name="province_reports"),
        path("bao-cao/<int:pk>/", views.province_report, name="province_report"),
        path("bao-cao/dot-xuat/<int:pk>/", views.answer_adhoc_request, name="answer_adhoc"),
        path("ho-so-thanh-lap/", views.province_dossier, name="province_dossier"),
    ]
    central = [
        path("tong-hop-bao-cao/", views.central_table, name="central_reports"),
        path("tong-hop-bao-cao/<int:pk>/", views.central_report, name="central_report"),
        path("tong-hop-bao-cao/dot-xuat/<int:pk>/", views.central_adhoc_answers, name="central_adhoc_answers"),
        path("tong-hop-ho-so/", views.central_dossiers, name="central_dossiers"),
        path("tong-hop-ho-so/<int:pk>/", views.central_dossier, name="central_dossier"),
    ]
    # A dossier's file is opened from both sides (by its province and by the centre).
    both = [path("ho-so-thanh-lap/tep/<int:pk>/", views.dossier_file, name="dossier_file")]
    return scoped_urlpatterns(PROVINCE, province) + scoped_urlpatterns(CENTRAL, central) + both


def is_superuser(request) -> bool:
    return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_province_reports_menu():
    return ScopedMenuItem(
        _("Báo cáo về Trung ương"), reverse("province_reports"), scope=PROVINCE, icon_name="doc-full", order=270
    )


@hooks.register("register_admin_menu_item")
def register_province_dossier_menu():
    return ScopedMenuItem(
        _("Hồ sơ thành lập trang"), reverse("province_dossier"), scope=PROVINCE, icon_name="folder-open-1", order=271
    )


@hooks.register("register_admin_menu_item")
def register_central_dossiers_menu():
    return ScopedMenuItem(
        _("Hồ sơ thành lập các tỉnh"),
        reverse("central_dossiers"),
        scope=CENTRAL,
        is_allowed=is_superuser,
        icon_name="folder-open-1",
        order=156,
    )


@hooks.register("register_admin_menu_item")
def register_central_reports_menu():
    return ScopedMenuItem(
        _("Tổng hợp báo cáo các tỉnh"),
        reverse("central_reports"),
        scope=CENTRAL,
        is_allowed=is_superuser,
        icon_name="table",
        order=155,
    )
