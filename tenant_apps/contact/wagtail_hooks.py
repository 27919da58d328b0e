from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import in_public_schema

from .models import ContactMessage


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Thư liên hệ")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["subject", "name", "email", "created_at", "handled"]
    list_filter = ["handled"]
    search_fields = ["subject", "name", "email", "message"]
    form_fields = ["handled"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        shown = item.is_shown
        item.is_shown = lambda request: not in_public_schema() and shown(request)
        return item


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return ContactMessageViewSet("contact_messages")
