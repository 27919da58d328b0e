from django.urls import path, reverse
from wagtail import hooks

from tenants.schemas import PROVINCE
from tenants.viewsets import ScopedMenuItem, scoped_urlpatterns

from .views import VIEW_PERMISSION, visit_statistics


@hooks.register("register_admin_urls")
def register_visit_statistics_url():
    return scoped_urlpatterns(
        PROVINCE, [path("thong-ke-truy-cap/", visit_statistics, name="analytics_visit_statistics")]
    )


@hooks.register("register_reports_menu_item")
def register_visit_statistics_menu_item():
    return ScopedMenuItem(
        "Thống kê truy cập",
        reverse("analytics_visit_statistics"),
        scope=PROVINCE,
        permission=VIEW_PERMISSION,
        icon_name="view",
        order=910,
    )
