from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import OnboardingJob, Province
from .viewsets import CentralOnlyPolicy, ProvinceAdminGroup

# Provinces are created only through onboarding and never deleted from the admin;
# onboarding jobs are a record, so they can be requested and read, never edited.
register_permission_policy(Province, CentralOnlyPolicy(Province, {"change", "view"}))
register_permission_policy(OnboardingJob, CentralOnlyPolicy(OnboardingJob, {"add", "view"}))


@hooks.register("register_admin_viewset")
def register_province_admin():
    return ProvinceAdminGroup()
