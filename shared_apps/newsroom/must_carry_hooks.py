"""Admin URLs, menus, buttons and page-action guards of targeting and must-carry (issue 19).

Imported by wagtail_hooks.py. While a must-carry window is open, the province's admin refuses to
unpublish, delete or move the copy (one page, a section holding it, or a bulk action), and any edit that takes
it out of its placement (un-featuring it, changing its category), with a Vietnamese message; the centre's own
deliveries (edits, withdrawal) do not go through these views and are not stopped.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from tenants.schemas import CENTRAL, PROVINCE, in_public_schema
from tenants.viewsets import CentralOnlyPolicy, ScopedMenuItem, ScopedViewSetMixin, scoped_urlpatterns

from . import must_carry_views as views
from .models import Distribution, ProvinceGroup
from .pages.models import NationalDocumentPage, NationalNewsPage
from .services.must_carry import (
    breaks_placement,
    held_placement,
    locked_copies,
    placement_notice,
    placement_refusal,
    refusal,
)

register_permission_policy(Distribution, views.DISTRIBUTION_POLICY)
register_permission_policy(ProvinceGroup, CentralOnlyPolicy(ProvinceGroup, {"add", "change", "delete", "view"}))


@hooks.register("register_admin_urls")
def register_must_carry_urls():
    central = [
        path("tin-toan-nganh/phan-phoi/trang/<int:page_id>/", views.distribution, name="newsroom_distribution"),
        path("tin-toan-nganh/phan-phoi/xlsx/", views.delivery_matrix_export, name="newsroom_matrix_xlsx"),
    ]
    province = [
        path("tin-toan-nganh-da-nhan/", views.received_items, name="newsroom_received"),
        path("tin-toan-nganh-da-nhan/<int:item_id>/tiep-nhan/", views.acknowledge, name="newsroom_acknowledge"),
    ]
    return scoped_urlpatterns(CENTRAL, central) + scoped_urlpatterns(PROVINCE, province)


class ProvinceGroupViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = CENTRAL
    model = ProvinceGroup
    icon = "group"
    menu_label = _("Nhóm tỉnh, thành phố")
    add_to_settings_menu = True
    list_display = ["name", "description"]
    form_fields = ["name", "description", "provinces", "sort_order"]


@hooks.register("register_admin_viewset")
def register_province_groups():
    return ProvinceGroupViewSet("nhom_tinh")


@hooks.register("register_admin_menu_item")
def register_received_items_menu():
    return ScopedMenuItem(
        _("Tin toàn ngành đã nhận"), reverse("newsroom_received"), scope=PROVINCE, icon_name="globe", order=255
    )


@hooks.register("register_page_header_buttons")
def distribution_button(page, user, view_name, next_url=None):
    """On a national page in the central admin: whom it goes to, must-carry."""
    if not in_public_schema() or page.specific_class not in (NationalNewsPage, NationalDocumentPage):
        return
    if not views.DISTRIBUTION_POLICY.user_has_permission(user, "view"):
        return
    yield Button(
        _("Phân phối, bắt buộc đăng"), reverse("newsroom_distribution", args=[page.pk]), icon_name="globe", priority=70
    )


# --- What a province may not do to a must-carry copy during its window -----------------------------------


# The refused action, as the admin's buttons name it in Vietnamese (locale/GLOSSARY.md): "Gỡ xuất bản", "Di chuyển".
UNPUBLISH, MOVE = "gỡ xuất bản", "di chuyển"


def _refuse(request, page, action: str, *, with_descendants: bool):
    if in_public_schema():
        return None
    locked = locked_copies(page, with_descendants=with_descendants)
    if not locked:
        return None
    messages.error(request, refusal(action, locked))
    return redirect("wagtailadmin_explore", page.get_parent().pk if page.depth > 1 else page.pk)


@hooks.register("before_unpublish_page")
def refuse_unpublishing_must_carry(request, page):
    return _refuse(request, page, UNPUBLISH, with_descendants=True)


@hooks.register("before_delete_page")
def refuse_deleting_must_carry(request, page):
    return _refuse(request, page, "xóa", with_descendants=True)


@hooks.register("before_move_page")
def refuse_moving_must_carry(request, page, destination):
    return _refuse(request, page, MOVE, with_descendants=False)


BULK_ACTIONS = {"unpublish": (UNPUBLISH, True), "delete": ("xóa", True), "move": (MOVE, False)}


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_must_carry(request, action_type, objects, action_class_instance):
    if action_type not in BULK_ACTIONS or in_public_schema():
        return None
    action, with_descendants = BULK_ACTIONS[action_type]
    for page in objects:
        if isinstance(page, Page) and (response := _refuse(request, page, action, with_descendants=with_descendants)):
            return response
    return None


@hooks.register("before_edit_page")
def hold_must_carry_placement(request, page):
    """The edit form of a copy in its window says what is held; a save that breaks it is refused, whatever
    the action (draft, publish, approval, revert): nothing of that submission is saved, so no later
    publication can carry it out of its place."""
    held = held_placement(page)
    if held is None:
        return None
    if request.method != "POST":
        refused = placement_refusal(held)
        if not any(str(message) == refused for message in messages.get_messages(request)):  # one message is enough
            messages.warning(request, placement_notice(held))
        return None
    if breaks_placement(held, request.POST):
        message = placement_refusal(held)
        if not request.accepts("text/html"):  # the editor's autosave: its own error line, no flash message
            return JsonResponse({"success": False, "error_code": "must_carry", "error_message": message}, status=400)
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
