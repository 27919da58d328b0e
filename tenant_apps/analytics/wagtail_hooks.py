from django.urls import path, reverse
from wagtail import hooks

from tenant_apps.editorial.wagtail_hooks import ProvinceMenuItem
from tenants.schemas import province_schema_only

from .views import VIEW_PERMISSION, visit_statistics


class VisitStatisticsMenuItem(ProvinceMenuItem):
    def is_shown(self, request):
        return super().is_shown(request) and request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_visit_statistics_url():
    return [path("thong-ke-truy-cap/", province_schema_only(visit_statistics), name="analytics_visit_statistics")]


@hooks.register("register_reports_menu_item")
def register_visit_statistics_menu_item():
    return VisitStatisticsMenuItem(
        "Thống kê truy cập", reverse("analytics_visit_statistics"), icon_name="view", order=910
    )
