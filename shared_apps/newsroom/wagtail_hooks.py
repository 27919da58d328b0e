"""Admin URLs, menus, buttons and permission policies of the newsroom."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from tenant_apps.news.models import NewsPage
from tenants.schemas import CENTRAL, PROVINCE, in_public_schema
from tenants.viewsets import ScopedMenuItem, scoped_urlpatterns

from . import must_carry_hooks, views, withdrawal_views  # noqa: F401 (must_carry_hooks registers its hooks)
from .models import Delivery, Nomination, SyndicatedItem
from .pages.models import NationalDocumentPage, NationalNewsPage
from .services.withdrawals import republish_refusal

register_permission_policy(Delivery, views.DELIVERY_POLICY)
register_permission_policy(Nomination, views.NOMINATION_POLICY)
register_permission_policy(withdrawal_views.NOTICE_POLICY.model, withdrawal_views.NOTICE_POLICY)


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    central = [
        path("tin-toan-nganh/phan-phoi/", views.delivery_matrix, name="newsroom_matrix"),
        path("tin-toan-nganh/phan-phoi/gui-lai/", views.retry_deliveries, name="newsroom_retry"),
        path("tin-toan-nganh/de-xuat/", views.nomination_inbox, name="newsroom_inbox"),
        path("tin-toan-nganh/de-xuat/<int:pk>/", views.nomination_detail, name="newsroom_nomination"),
        path("tin-toan-nganh/de-xuat/<int:pk>/nhan-dang/", views.accept_nomination, name="newsroom_accept"),
        path("tin-toan-nganh/de-xuat/<int:pk>/tu-choi/", views.decline_nomination, name="newsroom_decline"),
    ]
    province = [
        path("gui-tin-trung-uong/", views.province_nominations, name="newsroom_province_nominations"),
        path("gui-tin-trung-uong/de-xuat/", views.nominate, name="newsroom_nominate"),
        path("gui-tin-trung-uong/<int:pk>/", views.province_nomination_detail, name="newsroom_province_nomination"),
        path("nhan-tin-toan-nganh/", views.receiving_policy, name="newsroom_policy"),
    ]
    return scoped_urlpatterns(CENTRAL, central) + scoped_urlpatterns(PROVINCE, province)


@hooks.register("register_admin_menu_item")
def register_central_newsroom_menu():
    """A submenu is shown when one of its items is: on the central host, to whom may use them."""
    submenu = Menu(
        items=[
            ScopedMenuItem(
                _("Phân phối tới các tỉnh"),
                reverse("newsroom_matrix"),
                scope=CENTRAL,
                is_allowed=lambda request: views.DELIVERY_POLICY.user_has_permission(request.user, "view"),
                icon_name="table",
                order=10,
            ),
            ScopedMenuItem(
                _("Tin đề xuất từ địa phương"),
                reverse("newsroom_inbox"),
                scope=CENTRAL,
                is_allowed=lambda request: views.NOMINATION_POLICY.user_has_permission(request.user, "view"),
                icon_name="mail",
                order=20,
            ),
        ]
    )
    return SubmenuMenuItem(_("Tin toàn ngành"), submenu, icon_name="globe", order=160)


@hooks.register("register_admin_menu_item")
def register_province_nominations_menu():
    return ScopedMenuItem(
        _("Gửi tin về Trung ương"),
        reverse("newsroom_province_nominations"),
        scope=PROVINCE,
        icon_name="mail",
        order=260,
    )


@hooks.register("register_settings_menu_item")
def register_receiving_policy_menu():
    return ScopedMenuItem(
        _("Nhận tin toàn ngành"),
        reverse("newsroom_policy"),
        scope=PROVINCE,
        is_allowed=views.can_set_receiving_policy,
        icon_name="globe",
        order=910,
    )


@hooks.register("register_page_header_buttons")
def nominate_button(page, user, view_name, next_url=None):
    """On a province's own published article: offer it to the centre."""
    if in_public_schema() or page.specific_class is not NewsPage or not page.live:
        return
    if page.specific_deferred.syndication_key or not page.permissions_for_user(user).can_edit():
        return
    yield Button(_("Gửi về Trung ương"), f"{reverse('newsroom_nominate')}?bai={page.pk}", icon_name="mail", priority=80)


# --- "Gỡ tin" and "Đính chính" (withdrawal_views.py) ------------------------------------------------


@hooks.register("register_admin_urls")
def register_notice_urls():
    central = [
        path("tin-toan-nganh/go-va-dinh-chinh/", withdrawal_views.notice_list, name="newsroom_notices"),
        path(
            "tin-toan-nganh/go-va-dinh-chinh/<int:pk>/", withdrawal_views.notice_report, name="newsroom_notice_report"
        ),
        path("tin-toan-nganh/<int:page_id>/go-tin/", withdrawal_views.withdraw, name="newsroom_withdraw"),
        path("tin-toan-nganh/<int:page_id>/dinh-chinh/", withdrawal_views.correct, name="newsroom_correct"),
    ]
    return scoped_urlpatterns(CENTRAL, central)


@hooks.register("register_admin_menu_item")
def register_notices_menu():
    return ScopedMenuItem(
        _("Gỡ tin, đính chính"),
        reverse("newsroom_notices"),
        scope=CENTRAL,
        is_allowed=lambda request: withdrawal_views.NOTICE_POLICY.user_has_permission(request.user, "view"),
        icon_name="warning",
        order=161,
    )


@hooks.register("register_page_header_buttons")
def notice_buttons(page, user, view_name, next_url=None):
    """On a live national original, for the central office: "Gỡ tin" and "Đính chính"."""
    if not in_public_schema() or page.specific_class not in (NationalNewsPage, NationalDocumentPage) or not page.live:
        return
    if not withdrawal_views.NOTICE_POLICY.user_has_permission(user, "add"):
        return
    if not SyndicatedItem.objects.filter(central_page_id=page.pk, is_live=True).exists():
        return
    yield Button(_("Đính chính"), reverse("newsroom_correct", args=[page.pk]), icon_name="edit", priority=81)
    yield Button(_("Gỡ tin"), reverse("newsroom_withdraw", args=[page.pk]), icon_name="warning", priority=82)


def _refuse_republishing_withdrawn(request, pages, action="đăng lại"):
    """A province may not put back a copy the centre withdrew with a public reason ("Gỡ tin")."""
    for page in pages:
        if message := republish_refusal(page, action):
            messages.error(request, message)
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


def _heads_for_publication(post) -> bool:
    """An edit-form POST that publishes (the revert view's too, a subclass of the edit view), approves a
    revision in the workflow, or submits one for approval."""
    if post.get("action-publish") or post.get("action-submit") or post.get("action-restart-workflow"):
        return True
    return bool(post.get("action-workflow-action")) and post.get("workflow-action-name") == "approve"


@hooks.register("before_edit_page")
def refuse_republishing_withdrawn_copy(request, page):
    """Publish, approve, submit for approval, or revert to an older revision and publish it. Workflow approval
    from the dashboard has no hook: the model's last guard refuses it (signals.py)."""
    if request.method == "POST" and _heads_for_publication(request.POST):
        return _refuse_republishing_withdrawn(request, [page])
    return None


@hooks.register("before_copy_page")
def refuse_copying_withdrawn_copy(request, page):
    return _refuse_republishing_withdrawn(request, [page], action="sao chép")


@hooks.register("before_bulk_action")
def refuse_bulk_republishing_withdrawn(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    return _refuse_republishing_withdrawn(request, [page for page in objects if isinstance(page, Page)])
