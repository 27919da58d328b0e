"""Signing in the way a person does (password form, then the code) and the codes an authenticator shows."""

from __future__ import annotations

import time

from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory

WRONG_CODE_MESSAGE = "Mã xác thực không đúng hoặc đã hết hạn"
LOCKED_OUT_MESSAGE = "Tạm khóa đăng nhập"


def member(role_name: str, username: str):
    """An account of the current schema in one board group ("Trưởng ban", "Phóng viên, Cộng tác viên", …)."""
    return UserFactory(username=username, groups=[Group.objects.get(name=role_name)])


def sign_in_with_password(browser: Client, username: str, password: str = TEST_PASSWORD, ip: str = "127.0.0.1"):
    """Post Wagtail's sign-in form, as a browser at address `ip` does."""
    return browser.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def authenticator(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Điện thoại")


def code_of(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code `device` shows now (or `steps_ahead` periods later: a code is accepted once, within one period)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"
