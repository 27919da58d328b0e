"""Sign-in security of admin accounts: the second factor (xác thực hai bước) and lock-outs.

Everything here works in the current schema: devices, users and login attempts of a province
live in its own tables, so nothing done in one province reaches another.
"""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import quote, urlencode

from axes.utils import reset as reset_login_attempts
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from tenant_apps.editorial.roles import HEAD_OF_BOARD, PERSONAL_DATA

RESET_SECOND_FACTOR = "accounts.reset_second_factor"
UNLOCK_SIGN_IN = "accounts.unlock_sign_in"
AUTHENTICATOR_NAME = "Ứng dụng xác thực"
RECOVERY_CODES_NAME = "Mã dự phòng"


def requires_second_factor(user) -> bool:
    """Accounts that can publish or see citizens' personal data (superusers included) must use a second factor."""
    if user.is_superuser or any(user.has_perm(permission) for permission in PERSONAL_DATA):
        return True
    return GroupPagePermission.objects.filter(group__user=user, permission__codename="publish_page").exists()


def has_second_factor(user) -> bool:
    return any(devices_for_user(user, confirmed=True))


def can_manage_sign_in(user) -> bool:
    """The head of the board (Trưởng ban) and superusers reset second factors and lift lock-outs."""
    return user.is_superuser or user.groups.filter(name=HEAD_OF_BOARD.name).exists()


def can_reset_second_factor(actor, member) -> bool:
    """A head of board may reset any member but a superuser; only a superuser resets another superuser."""
    return can_manage_sign_in(actor) and (actor.is_superuser or not member.is_superuser)


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being set up: kept until confirmed, so reloading the page keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def authenticator_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps expect it typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def authenticator_uri(device: TOTPDevice) -> str:
    """The otpauth:// address of the QR code, named after this site's office so each province is told apart."""
    issuer = str(connection.tenant).replace(":", "")
    label = quote(f"{issuer}:{device.user.get_username()}")
    query = urlencode({"secret": b32encode(device.bin_key).decode(), "issuer": issuer, "digits": device.digits})
    return f"otpauth://totp/{label}?{query}"


@transaction.atomic
def confirm_authenticator(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm a new authenticator with a code it shows; return fresh recovery codes, or None if the code is wrong."""
    if not device.verify_token(_normalise(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return replace_recovery_codes(device.user)


def replace_recovery_codes(user) -> list[str]:
    """Issue new one-time recovery codes (the old ones stop working) and return them, to be shown once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.ACCOUNTS_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify_second_factor(user, code: str) -> Device | None:
    """The device that accepts `code`: six digits go to the authenticator, anything else to the recovery codes.

    Each device throttles itself after a wrong code (django-otp), and a recovery code is deleted when used.
    """
    code = _normalise(code)
    model = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device.verify_token(code):
                return device
    return None


@transaction.atomic
def reset_second_factor(member, actor) -> None:
    """Delete every device of `member`; they set up a new one at their next sign-in. Recorded in the audit log."""
    for device in list(devices_for_user(member, confirmed=None)):
        device.delete()
    log(instance=member, action=RESET_SECOND_FACTOR, user=actor)


def unlock_sign_in(actor, *, username: str = "", ip_address: str = "") -> int:
    """Lift the lock-out of one account or one IP address in this schema; return the attempts forgotten."""
    if bool(username) == bool(ip_address):
        raise ValueError("Give exactly one of username or ip_address.")
    if ip_address:
        return reset_login_attempts(ip=ip_address)
    count = reset_login_attempts(username=username)
    member = get_user_model().objects.filter(username=username).first()
    if member is not None:
        log(instance=member, action=UNLOCK_SIGN_IN, user=actor)
    return count


def _normalise(code: str) -> str:
    return "".join(code.split()).lower()
