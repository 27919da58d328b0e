import datetime

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import PROVINCE, in_public_schema
from tenants.viewsets import ScopedMenuItem, ScopedViewSetMixin, scoped_urlpatterns

from .forms import BoardMemberForm, RoyaltyContributionForm
from .models import BoardDecision, BoardMember, OperatingRules, RoyaltyContribution
from .panels import RoyaltyAmountPanel, TimelinessPanel
from .roles import DEPUTY_HEAD, EDITOR, HEAD_OF_BOARD
from .services import invite_member, save_member
from .templatetags.money import vnd
from .views import royalty_statements


class DayColumn(Column):
    """A date or moment as dd/mm/yyyy (Wagtail's DateColumn says "2 tuần trước")."""

    def get_value(self, instance):
        value = getattr(instance, self.accessor)
        if isinstance(value, datetime.datetime):
            value = timezone.localdate(value)
        return f"{value:%d/%m/%Y}" if value else ""


class MemberFormMixin:
    def save_instance(self):
        member = save_member(self.form.save(commit=False))
        if self.form.cleaned_data.get("send_invitation") and member.joined_at is None:
            invite_member(member)
        return member


class MemberCreateView(MemberFormMixin, generic.CreateView):
    pass


class MemberEditView(MemberFormMixin, generic.EditView):
    pass


class BoardMemberViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    copy_view_enabled = False
    model = BoardMember
    icon = "group"
    menu_label = _("Thành viên")
    add_view_class = MemberCreateView
    edit_view_class = MemberEditView
    list_display = [
        "full_name",
        "position",
        "role",
        "email",
        Column("is_active", label=_("Đang tham gia"), accessor=lambda m: _("Có") if m.is_active else _("Không")),
        DayColumn("joined_at", label=_("Nhận lời ngày")),
    ]
    list_filter = ["role", "is_active"]
    search_fields = ["full_name", "email", "position"]

    def get_form_class(self, for_update=False):
        return BoardMemberForm


class BoardDecisionViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    copy_view_enabled = False
    model = BoardDecision
    icon = "doc-full"
    menu_label = _("Quyết định thành lập")
    list_display = ["number", "signed_date", "signer", BooleanColumn("is_current", label=_("Đang có hiệu lực"))]
    form_fields = ["number", "signed_date", "signer", "document", "is_current"]


class OperatingRulesViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    copy_view_enabled = False
    model = OperatingRules
    icon = "doc-full-inverse"
    menu_label = _("Quy chế hoạt động")
    list_display = ["version", "title", "adopted_date"]
    form_fields = ["version", "title", "adopted_date", "document", "notes"]


class AmountColumn(Column):
    def get_value(self, instance):
        return f"{vnd(instance.amount)} đ"


class RoyaltyContributionViewSet(ScopedViewSetMixin, ModelViewSet):
    """A royalty line (the article, the person, their part, the coefficient whose amount the law derives)
    and its payment follow-up: status, payment date and contact attempts (due 60 days after publication)."""

    scope = PROVINCE
    copy_view_enabled = False
    model = RoyaltyContribution
    icon = "table"
    menu_label = _("Chi trả nhuận bút")
    list_display = [
        "person",
        "page",
        "kind",
        "genre",
        "coefficient",
        AmountColumn("amount", label=_("Thành tiền (đồng)")),
        "status",
        DayColumn("paid_on", label=_("Ngày chi trả")),
    ]
    list_filter = ["status", "genre", "is_staff"]
    search_fields = ["person"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("page"), FieldRowPanel([FieldPanel("person"), FieldPanel("kind"), FieldPanel("is_staff")])],
                heading=_("Tin, bài và người hưởng"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("genre"), FieldPanel("coefficient"), FieldPanel("adjustment_percent")]),
                    RoyaltyAmountPanel(),
                ],
                heading=_("Mức nhuận bút"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("status"), FieldPanel("paid_on")]), FieldPanel("contact_attempts")],
                heading=_("Chi trả"),
            ),
        ],
        base_form_class=RoyaltyContributionForm,
    )


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
    return scoped_urlpatterns(PROVINCE, [path("nhuan-but/", royalty_statements, name="royalty_statements")])


@hooks.register("register_admin_menu_item")
def register_royalty_menu_item():
    return ScopedMenuItem(
        _("Nhuận bút"),
        reverse("royalty_statements"),
        scope=PROVINCE,
        permission="editorial.approve_royalties",
        icon_name="table",
        order=260,
    )


@hooks.register("construct_homepage_panels")
def add_timeliness_panel(request, panels):
    board = {HEAD_OF_BOARD.name, DEPUTY_HEAD.name, EDITOR.name}
    if in_public_schema():
        return
    if request.user.is_superuser or request.user.groups.filter(name__in=board).exists():
        panels.append(TimelinessPanel())
