"""The national synonym bank in the central admin (Cài đặt → Từ đồng nghĩa toàn ngành)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from tenants.schemas import CENTRAL
from tenants.viewsets import CentralOnlyPolicy, ScopedViewSetMixin

from .models import NationalSynonymGroup

register_permission_policy(
    NationalSynonymGroup, CentralOnlyPolicy(NationalSynonymGroup, {"add", "change", "delete", "view"})
)


class NationalSynonymViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = CENTRAL
    model = NationalSynonymGroup
    icon = "search"
    menu_label = _("Từ đồng nghĩa toàn ngành")
    add_to_settings_menu = True
    list_display = ["terms", "note", "updated_at"]
    form_fields = ["terms", "note"]


@hooks.register("register_admin_viewset")
def register_national_synonyms():
    return NationalSynonymViewSet("tu_dong_nghia_toan_nganh")
