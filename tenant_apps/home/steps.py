"""The home app's steps for the kernel's hook points (tenants/steps.py): the home page, the sections
and the Wagtail site on them, when a province is onboarded."""

from wagtail import hooks

from tenants.services import ensure_default_site
from tenants.steps import ONBOARD_PROVINCE, Onboarding

from .site_tree import ensure_default_sections, ensure_home_page


@hooks.register(ONBOARD_PROVINCE, order=100)
def create_home_page(onboarding: Onboarding) -> None:
    onboarding.root_page = ensure_home_page(onboarding.province, onboarding.report)


@hooks.register(ONBOARD_PROVINCE, order=110)
def create_sections(onboarding: Onboarding) -> None:
    sections = ensure_default_sections(onboarding.root_page, onboarding.province)
    onboarding.report(f"Chuyên mục: {', '.join(section.title for section in sections)}")


@hooks.register(ONBOARD_PROVINCE, order=120)
def create_site(onboarding: Onboarding) -> None:
    ensure_default_site(onboarding.root_page, onboarding.province, onboarding.report)
