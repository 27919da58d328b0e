from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import in_public_schema, province_schema_only

from .forms import BoardMemberForm
from .models import BoardDecision, BoardMember, OperatingRules, RoyaltyContribution
from .panels import TimelinessPanel
from .roles import DEPUTY_HEAD, EDITOR, HEAD_OF_BOARD
from .services import invite_member, save_member
from .views import royalty_statements


class ProvinceMenuItem(MenuItem):
    def is_shown(self, request):
        return not in_public_schema() and super().is_shown(request)


class ProvinceOnlyViewSet(ModelViewSet):
    menu_item_class = ProvinceMenuItem
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            URLPattern(p.pattern, province_schema_only(p.callback), p.default_args, p.name)
            for p in super().get_urlpatterns()
        ]


class MemberFormMixin:
    def save_instance(self):
        member = save_member(self.form.save(commit=False))
        if self.form.cleaned_data.get("send_invitation") and member.joined_at is None:
            invite_member(member, self.request.get_host())
        return member


class MemberCreateView(MemberFormMixin, generic.CreateView):
    pass


class MemberEditView(MemberFormMixin, generic.EditView):
    pass


class BoardMemberViewSet(ProvinceOnlyViewSet):
    model = BoardMember
    icon = "group"
    menu_label = _("Thành viên")
    add_view_class = MemberCreateView
    edit_view_class = MemberEditView
    list_display = ["full_name", "position", "role", "email", "is_active", "joined_at"]
    list_filter = ["role", "is_active"]
    search_fields = ["full_name", "email", "position"]

    def get_form_class(self, for_update=False):
        return BoardMemberForm


class BoardDecisionViewSet(ProvinceOnlyViewSet):
    model = BoardDecision
    icon = "doc-full"
    menu_label = _("Quyết định thành lập")
    list_display = ["number", "signed_date", "signer", "is_current"]
    form_fields = ["number", "signed_date", "signer", "document", "is_current"]


class OperatingRulesViewSet(ProvinceOnlyViewSet):
    model = OperatingRules
    icon = "doc-full-inverse"
    menu_label = _("Quy chế hoạt động")
    list_display = ["version", "title", "adopted_date"]
    form_fields = ["version", "title", "adopted_date", "document", "notes"]


class RoyaltyContributionViewSet(ProvinceOnlyViewSet):
    """Payment follow-up: status, payment date and contact attempts (due 60 days after publication)."""

    model = RoyaltyContribution
    icon = "table"
    menu_label = _("Chi trả nhuận bút")
    list_display = ["person", "page", "genre", "coefficient", "status", "paid_on"]
    list_filter = ["status", "genre", "is_staff"]
    search_fields = ["person"]
    panels = [FieldPanel("status"), FieldPanel("paid_on"), FieldPanel("contact_attempts")]


class BoardGroup(ViewSetGroup):
    menu_label = _("Ban Biên tập")
    menu_icon = "group"
    menu_order = 250
    items = (
        BoardMemberViewSet("board_members"),
        BoardDecisionViewSet("board_decisions"),
        OperatingRulesViewSet("operating_rules"),
        RoyaltyContributionViewSet("royalty_payments"),
    )


@hooks.register("register_admin_viewset")
def register_board_admin():
    return BoardGroup()


@hooks.register("register_admin_urls")
def register_royalty_urls():
    return [path("nhuan-but/", province_schema_only(royalty_statements), name="royalty_statements")]


class RoyaltyMenuItem(ProvinceMenuItem):
    def is_shown(self, request):
        return super().is_shown(request) and request.user.has_perm("editorial.approve_royalties")


@hooks.register("register_admin_menu_item")
def register_royalty_menu_item():
    return RoyaltyMenuItem(_("Nhuận bút"), reverse("royalty_statements"), icon_name="table", order=260)


@hooks.register("construct_homepage_panels")
def add_timeliness_panel(request, panels):
    board = {HEAD_OF_BOARD.name, DEPUTY_HEAD.name, EDITOR.name}
    if in_public_schema():
        return
    if request.user.is_superuser or request.user.groups.filter(name__in=board).exists():
        panels.append(TimelinessPanel())
