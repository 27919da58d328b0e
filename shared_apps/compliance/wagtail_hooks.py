from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from tenants.schemas import CENTRAL, PROVINCE, in_public_schema
from tenants.viewsets import ScopedMenuItem, scoped_urlpatterns

from . import views
from .panels import CompliancePanel


@hooks.register("register_admin_urls")
def register_compliance_urls():
    province = [path("tuan-thu/", views.province_scorecard, name="province_compliance")]
    central = [
        path("tuan-thu-cac-tinh/", views.central_scorecard, name="central_compliance"),
        path("tuan-thu-cac-tinh/<int:pk>/", views.central_province, name="central_compliance_province"),
    ]
    return scoped_urlpatterns(PROVINCE, province) + scoped_urlpatterns(CENTRAL, central)


@hooks.register("register_admin_menu_item")
def register_central_compliance_menu():
    return ScopedMenuItem(
        _("Đánh giá tuân thủ các tỉnh"),
        reverse("central_compliance"),
        scope=CENTRAL,
        is_allowed=lambda request: request.user.is_superuser,
        icon_name="tasks",
        order=157,
    )


@hooks.register("register_admin_menu_item")
def register_province_compliance_menu():
    return ScopedMenuItem(
        _("Đánh giá tuân thủ"),
        reverse("province_compliance"),
        scope=PROVINCE,
        is_allowed=lambda request: views.is_board(request.user),
        icon_name="tasks",
        order=272,
    )


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    if not in_public_schema() and views.is_board(request.user):
        panels.append(CompliancePanel())
