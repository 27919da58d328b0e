"""Xác thực hai bước: a signed-in account that owes its second factor can do nothing but provide it."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .services import has_second_factor, requires_second_factor

# Views open to an account between its password and its second factor.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "accounts_verify",
    "accounts_enrol",
}


class SecondFactorMiddleware:
    """After OTPMiddleware: send an unverified account to the code page, or to set-up when it must have one.

    An account with a device must always give its code; one without a device must set one up when
    it can publish or see personal data, and is left alone otherwise (e.g. reporters).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None  # no one is signed in; and not reading the session keeps public pages free of Vary: Cookie
        if request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if has_second_factor(user):
            return _redirect_keeping_destination("accounts_verify", request)
        if requires_second_factor(user):
            return _redirect_keeping_destination("accounts_enrol", request)
        return None


def _redirect_keeping_destination(url_name: str, request):
    url = reverse(url_name)
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)
