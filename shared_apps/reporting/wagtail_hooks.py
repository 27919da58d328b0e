from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy

from tenants.schemas import in_public_schema, province_schema_only, public_schema_only
from tenants.viewsets import CentralOnlyPolicy, CentralOnlyViewSet

from . import views
from .models import AdHocRequest

register_permission_policy(AdHocRequest, CentralOnlyPolicy(AdHocRequest, {"add", "change", "view"}))


class AnswersColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{}">Xem trả lời</a>', reverse("central_adhoc_answers", args=[instance.pk]))


class AdHocRequestViewSet(CentralOnlyViewSet):
    model = AdHocRequest
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
    return [
        path("bao-cao/", province_schema_only(views.province_reports), name="province_reports"),
        path("bao-cao/<int:pk>/", province_schema_only(views.province_report), name="province_report"),
        path("bao-cao/dot-xuat/<int:pk>/", province_schema_only(views.answer_adhoc_request), name="answer_adhoc"),
        path("tong-hop-bao-cao/", public_schema_only(views.central_table), name="central_reports"),
        path("tong-hop-bao-cao/<int:pk>/", public_schema_only(views.central_report), name="central_report"),
        path(
            "tong-hop-bao-cao/dot-xuat/<int:pk>/",
            public_schema_only(views.central_adhoc_answers),
            name="central_adhoc_answers",
        ),
        path("ho-so-thanh-lap/", province_schema_only(views.province_dossier), name="province_dossier"),
        path("ho-so-thanh-lap/tep/<int:pk>/", views.dossier_file, name="dossier_file"),
        path("tong-hop-ho-so/", public_schema_only(views.central_dossiers), name="central_dossiers"),
        path("tong-hop-ho-so/<int:pk>/", public_schema_only(views.central_dossier), name="central_dossier"),
    ]


class ReportsMenuItem(MenuItem):
    def __init__(self, *args, central: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.central = central

    def is_shown(self, request):
        return in_public_schema() == self.central and (request.user.is_superuser or not self.central)


@hooks.register("register_admin_menu_item")
def register_province_reports_menu():
    return ReportsMenuItem(
        _("Báo cáo về Trung ương"), reverse("province_reports"), icon_name="doc-full", order=270, central=False
    )


@hooks.register("register_admin_menu_item")
def register_province_dossier_menu():
    return ReportsMenuItem(
        _("Hồ sơ thành lập trang"), reverse("province_dossier"), icon_name="folder-open-1", order=271, central=False
    )


@hooks.register("register_admin_menu_item")
def register_central_dossiers_menu():
    return ReportsMenuItem(
        _("Hồ sơ thành lập các tỉnh"), reverse("central_dossiers"), icon_name="folder-open-1", order=156, central=True
    )


@hooks.register("register_admin_menu_item")
def register_central_reports_menu():
    return ReportsMenuItem(
        _("Tổng hợp báo cáo các tỉnh"), reverse("central_reports"), icon_name="table", order=155, central=True
    )
