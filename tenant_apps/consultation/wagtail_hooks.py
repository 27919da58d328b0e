from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import PROVINCE
from tenants.viewsets import ScopedViewSetMixin

from .models import DraftComment


class DraftCommentViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    copy_view_enabled = False
    model = DraftComment
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    menu_order = 245
    add_to_admin_menu = True
    list_display = ["name", "draft", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "body"]
    form_fields = ["status"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_draft_comments():
    return DraftCommentViewSet("draft_comments")
