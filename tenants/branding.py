"""Whose admin this is: the office's name and its logo, for the admin's title, header and login page.

Wagtail's branding (`WAGTAIL_SITE_NAME`, its logo) is one for the whole deployment; each province's
admin names its own office instead, with the logo of its theme (the central office has its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static

from .schemas import current_province

DEFAULT_THEME = "default"
PROVINCE_LOGO = "img/logo.svg"
CENTRAL_LOGO = "img/logo-trung-uong.svg"


@dataclass(frozen=True)
class Branding:
    name: str
    logo_url: str


def theme_static_url(theme: str, name: str) -> str:
    """The static URL of `name` in `theme`, or in the default theme when that theme lacks it."""
    if not (settings.THEMES_DIR / theme / "static" / name).is_file():
        theme = DEFAULT_THEME
    return static(f"themes/{theme}/{name}")


def admin_branding(province=None) -> Branding:
    province = province or current_province()
    logo = CENTRAL_LOGO if province.is_central else PROVINCE_LOGO
    return Branding(name=province.office_name, logo_url=theme_static_url(province.theme, logo))
