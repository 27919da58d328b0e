from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import views
from .services import (
    RESET_SECOND_FACTOR,
    UNLOCK_SIGN_IN,
    can_manage_sign_in,
    can_reset_second_factor,
    has_second_factor,
)


@hooks.register("register_admin_urls")
def register_account_urls():
    return [
        path("xac-thuc-hai-buoc/", views.verify, name="accounts_verify"),
        path("xac-thuc-hai-buoc/thiet-lap/", views.enrol, name="accounts_enrol"),
        path(
            "tai-khoan/<int:user_id>/dat-lai-xac-thuc/",
            views.reset_member_second_factor,
            name="accounts_reset_second_factor",
        ),
        path("khoa-dang-nhap/", views.lockouts, name="accounts_lockouts"),
    ]


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action(RESET_SECOND_FACTOR, _("Đặt lại xác thực hai bước"), _("Đã đặt lại xác thực hai bước"))
    actions.register_action(UNLOCK_SIGN_IN, _("Mở khóa đăng nhập"), _("Đã mở khóa đăng nhập"))


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if can_reset_second_factor(request_user, user):
        yield Button(
            _("Đặt lại xác thực hai bước"),
            reverse("accounts_reset_second_factor", args=[user.pk]),
            icon_name="key",
            priority=50,
        )


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_sign_in(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Khóa đăng nhập"), reverse("accounts_lockouts"), icon_name="lock", order=900)


@hooks.register("register_account_menu_item")
def second_factor_account_item(request):
    """Accounts not obliged to use a second factor (e.g. reporters) may set one up from their account page."""
    if not has_second_factor(request.user):
        return {
            "url": reverse("accounts_enrol"),
            "label": _("Thiết lập xác thực hai bước"),
            "help_text": _("Bảo vệ tài khoản bằng mã từ ứng dụng xác thực trên điện thoại."),
        }
    return None
