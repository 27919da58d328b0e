"""The province admin's search settings: its own synonyms and the results it pins (Tìm kiếm)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import in_public_schema

from .models import BestBet, SynonymGroup


class ProvinceOnlyMenuItem(MenuItem):
    """The central site has its own bank (Từ đồng nghĩa toàn ngành) and pins nothing."""

    def is_shown(self, request):
        return not in_public_schema() and super().is_shown(request)


class BestBetViewSet(ModelViewSet):
    model = BestBet
    icon = "pick"
    menu_label = _("Kết quả ghim")
    menu_item_class = ProvinceOnlyMenuItem
    list_display = ["queries", "page", "sort_order"]
    copy_view_enabled = False


class SynonymViewSet(ModelViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Từ đồng nghĩa của tỉnh")
    menu_item_class = ProvinceOnlyMenuItem
    list_display = ["terms", "note", "updated_at"]
    copy_view_enabled = False


class SearchSettingsGroup(ViewSetGroup):
    menu_label = _("Tìm kiếm")
    menu_icon = "search"
    menu_order = 880
    items = (BestBetViewSet("ket_qua_ghim"), SynonymViewSet("tu_dong_nghia"))


@hooks.register("register_admin_viewset")
def register_search_settings():
    return SearchSettingsGroup()
