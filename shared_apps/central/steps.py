"""The central app's steps for the kernel's hook points (tenants/steps.py): the central site's home page
and the Wagtail site on it, when `ensure_central_site()` sets up the public schema."""

from wagtail import hooks

from tenants.services import CENTRAL_OFFICE_NAME, ensure_default_site, remove_wagtail_placeholder
from tenants.steps import ONBOARD_CENTRAL_SITE, Onboarding

from .models import CentralHomePage


@hooks.register(ONBOARD_CENTRAL_SITE, order=100)
def create_home_page(onboarding: Onboarding) -> None:
    home = CentralHomePage.objects.first()
    if home is None:
        root = remove_wagtail_placeholder()
        home = CentralHomePage(
            title=CENTRAL_OFFICE_NAME,
            slug="trang-chu",
            intro="<p>Hệ thống trang thông tin điện tử của Bảo hiểm xã hội các tỉnh, thành phố.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        onboarding.report("Trang chủ Trung ương: tạo mới")
    onboarding.root_page = home


@hooks.register(ONBOARD_CENTRAL_SITE, order=120)
def create_site(onboarding: Onboarding) -> None:
    ensure_default_site(onboarding.root_page, onboarding.province, onboarding.report)
