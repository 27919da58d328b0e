from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import PROVINCE
from tenants.viewsets import ScopedViewSetMixin

from .models import ContactMessage


class ContactMessageViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    model = ContactMessage
    icon = "mail"
    menu_label = _("Thư liên hệ")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["subject", "name", "email", "created_at", BooleanColumn("handled", label=_("Đã xử lý"))]
    list_filter = ["handled"]
    search_fields = ["subject", "name", "email", "message"]
    form_fields = ["handled"]
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return ContactMessageViewSet("contact_messages")
