from urllib.parse import urlsplit

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .merge_views import PERMISSION, dry_run_view, job_view, merge_view, remove_schema_view, rename_view
from .models import OnboardingJob, Province
from .schemas import CENTRAL, PROVINCE
from .views import choose_theme
from .viewsets import CentralOnlyPolicy, ProvinceAdminGroup, ScopedMenuItem, scoped_urlpatterns

# Provinces are created only through onboarding and never deleted from the admin;
# onboarding jobs are a record, so they can be requested and read, never edited.
register_permission_policy(Province, CentralOnlyPolicy(Province, {"change", "view"}))
register_permission_policy(OnboardingJob, CentralOnlyPolicy(OnboardingJob, {"add", "view"}))


@hooks.register("register_admin_viewset")
def register_province_admin():
    return ProvinceAdminGroup()


@hooks.register("register_admin_urls")
def register_theme_url():
    return scoped_urlpatterns(PROVINCE, [path("giao-dien/", choose_theme, name="choose_theme")])


@hooks.register("register_settings_menu_item")
def register_theme_menu_item():
    return ScopedMenuItem(
        _("Giao diện"),
        reverse("choose_theme"),
        scope=PROVINCE,
        permission="wagtailcore.change_site",
        icon_name="image",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_merge_urls():
    return scoped_urlpatterns(
        CENTRAL,
        [
            path("sap-nhap-tinh/", merge_view, name="merge_provinces"),
            path("sap-nhap-tinh/<int:pk>/", job_view, name="merge_provinces_job"),
            path("sap-nhap-tinh/chay-thu/<int:pk>/", dry_run_view, name="merge_provinces_dry_run"),
            path("sap-nhap-tinh/<int:pk>/xoa-schema/", remove_schema_view, name="merge_provinces_remove_schema"),
            path("doi-ten-tinh/", rename_view, name="rename_province"),
        ],
    )


@hooks.register("register_admin_menu_item")
def register_merge_menu_item():
    return ScopedMenuItem(
        _("Sáp nhập tỉnh"),
        reverse("merge_provinces"),
        scope=CENTRAL,
        permission=PERMISSION,
        icon_name="globe",
        order=160,
    )


@hooks.register("register_admin_menu_item")
def register_rename_menu_item():
    return ScopedMenuItem(
        _("Đổi tên tỉnh"), reverse("rename_province"), scope=CENTRAL, permission=PERMISSION, icon_name="edit", order=161
    )


@hooks.register("construct_help_menu")
def keep_help_on_our_own_hosts(request, menu_items):
    """Wagtail's help menu links to its English guides on wagtail.org; the admin links to no other host."""
    menu_items[:] = [item for item in menu_items if not urlsplit(item.url).netloc]
