"""Admin pages of sign-in security: set-up and entry of the second factor, resets, lock-outs."""

from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .forms import SecondFactorCodeForm
from .selectors import locked_out
from .services import (
    authenticator_secret,
    authenticator_uri,
    can_manage_sign_in,
    can_reset_second_factor,
    confirm_authenticator,
    has_second_factor,
    pending_authenticator,
    reset_second_factor,
    unlock_sign_in,
    verify_second_factor,
)


def enrol(request):
    """Thiết lập xác thực hai bước: QR code and secret, confirmed with a code, then the recovery codes once."""
    if has_second_factor(request.user):
        return redirect(_destination(request) if request.user.is_verified() else _with_next("accounts_verify", request))
    device = pending_authenticator(request.user)
    form = SecondFactorCodeForm(request.POST or None)
    if form.is_valid():
        recovery_codes = confirm_authenticator(device, form.cleaned_data["code"])
        if recovery_codes is not None:
            django_otp.login(request, device)
            return TemplateResponse(
                request,
                "accounts/recovery_codes.html",
                {"recovery_codes": recovery_codes, "next": _destination(request)},
            )
        form.refuse()
    qr_code = segno.make(authenticator_uri(device), error="m")
    return TemplateResponse(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr_svg": mark_safe(qr_code.svg_inline(scale=5, title=_("Mã QR thiết lập ứng dụng xác thực"))),
            "secret": authenticator_secret(device),
            "next": _destination(request),
        },
    )


def verify(request):
    """Nhập mã xác thực: the code of the authenticator app, or one of the recovery codes."""
    if request.user.is_verified():
        return redirect(_destination(request))
    if not has_second_factor(request.user):
        return redirect(_with_next("accounts_enrol", request))
    form = SecondFactorCodeForm(request.POST or None)
    if form.is_valid():
        device = verify_second_factor(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_destination(request))
        form.refuse()
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": _destination(request)})


def reset_member_second_factor(request, user_id: int):
    """Đặt lại xác thực hai bước of a member who lost their phone; they set it up again at their next sign-in."""
    member = get_object_or_404(get_user_model(), pk=user_id)
    if not can_reset_second_factor(request.user, member):
        raise PermissionDenied
    if request.method == "POST":
        reset_second_factor(member, request.user)
        messages.success(
            request,
            _("Đã đặt lại xác thực hai bước của %(name)s. Lần đăng nhập tới, tài khoản này phải thiết lập lại.")
            % {"name": member.get_username()},
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request, "accounts/confirm_reset.html", {"member": member, "has_device": has_second_factor(member)}
    )


def lockouts(request):
    """Khóa đăng nhập: accounts and addresses locked out after failed sign-ins, with a button to unlock each."""
    if not can_manage_sign_in(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username = request.POST.get("username", "").strip()
        ip_address = request.POST.get("ip_address", "").strip()
        try:
            unlock_sign_in(request.user, username=username, ip_address=ip_address)
        except ValueError:
            messages.error(request, _("Chọn một tài khoản hoặc một địa chỉ IP để mở khóa."))
        else:
            messages.success(request, _("Đã mở khóa đăng nhập cho %(target)s.") % {"target": username or ip_address})
        return redirect("accounts_lockouts")
    return TemplateResponse(
        request,
        "accounts/lockouts.html",
        {"accounts": locked_out("username"), "addresses": locked_out("ip_address")},
    )


def locked_out_page(request, response=None, credentials=None):
    """The page django-axes shows instead of signing in while an account or address is locked out."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "accounts/lockout.html", context, status=429)


def _destination(request) -> str:
    """Where to go once verified: the `next` the user came with when it is on this host, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _with_next(url_name: str, request) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': _destination(request)})}"
