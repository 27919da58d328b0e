"""The province admin's search settings: its own synonyms and the results it pins (Tìm kiếm)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import PROVINCE
from tenants.viewsets import ScopedViewSetMixin

from .models import BestBet, SynonymGroup

# The central site has its own bank (Từ đồng nghĩa toàn ngành, shared_apps/synonyms) and pins nothing.


class BestBetViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    model = BestBet
    icon = "pick"
    menu_label = _("Kết quả ghim")
    list_display = ["queries", "page", "sort_order"]
    copy_view_enabled = False


class SynonymViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Từ đồng nghĩa của tỉnh")
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
