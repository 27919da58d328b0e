from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from tenant_apps.editorial.wagtail_hooks import ProvinceMenuItem
from tenants.schemas import in_public_schema, province_schema_only, public_schema_only
from tenants.viewsets import CentralMenuItem

from . import views
from .panels import CompliancePanel


@hooks.register("register_admin_urls")
def register_compliance_urls():
    return [
        path("tuan-thu/", province_schema_only(views.province_scorecard), name="province_compliance"),
        path("tuan-thu-cac-tinh/", public_schema_only(views.central_scorecard), name="central_compliance"),
        path(
            "tuan-thu-cac-tinh/<int:pk>/",
            public_schema_only(views.central_province),
            name="central_compliance_province",
        ),
    ]


class BoardMenuItem(ProvinceMenuItem):
    def is_shown(self, request):
        return super().is_shown(request) and views.is_board(request.user)


@hooks.register("register_admin_menu_item")
def register_central_compliance_menu():
    return CentralMenuItem(_("Đánh giá tuân thủ các tỉnh"), reverse("central_compliance"), icon_name="tasks", order=157)


@hooks.register("register_admin_menu_item")
def register_province_compliance_menu():
    return BoardMenuItem(_("Đánh giá tuân thủ"), reverse("province_compliance"), icon_name="tasks", order=272)


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    if not in_public_schema() and views.is_board(request.user):
        panels.append(CompliancePanel())
