from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .models import OnboardingJob, Province
from .schemas import in_public_schema
from .views import choose_theme
from .viewsets import CentralOnlyPolicy, ProvinceAdminGroup

# Provinces are created only through onboarding and never deleted from the admin;
# onboarding jobs are a record, so they can be requested and read, never edited.
register_permission_policy(Province, CentralOnlyPolicy(Province, {"change", "view"}))
register_permission_policy(OnboardingJob, CentralOnlyPolicy(OnboardingJob, {"add", "view"}))


@hooks.register("register_admin_viewset")
def register_province_admin():
    return ProvinceAdminGroup()


class ProvinceSettingsMenuItem(MenuItem):
    def is_shown(self, request):
        return not in_public_schema() and request.user.has_perm("wagtailcore.change_site")


@hooks.register("register_admin_urls")
def register_theme_url():
    return [path("giao-dien/", choose_theme, name="choose_theme")]


@hooks.register("register_settings_menu_item")
def register_theme_menu_item():
    return ProvinceSettingsMenuItem("Giao diện", reverse("choose_theme"), icon_name="image", order=900)
