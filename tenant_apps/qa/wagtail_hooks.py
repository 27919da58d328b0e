from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import PROVINCE
from tenants.viewsets import ScopedViewSetMixin, scoped_urlpatterns

from .models import Question
from .views import moderate_question


class DueColumn(Column):
    """The 10-day deadline, marked when it has passed without a reply."""

    def get_value(self, instance):
        due = instance.due_on.strftime("%d/%m/%Y")
        if instance.is_overdue:
            return format_html('<strong class="w-text-critical-200">Quá hạn {}</strong>', due)
        return due


class AnswerColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{}">Xử lý</a>', reverse("moderate_question", args=[instance.pk]))


class QuestionInspectView(generic.InspectView):
    """Empty fields read "Chưa có", not Python's "None" (a question not yet assigned, not yet answered)."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return _("Chưa có") if value is None or value == "" else value


class QuestionViewSet(ScopedViewSetMixin, ModelViewSet):
    inspect_view_class = QuestionInspectView
    scope = PROVINCE
    copy_view_enabled = False
    model = Question
    icon = "help"
    menu_label = _("Hỏi đáp")
    menu_order = 240
    add_to_admin_menu = True
    list_display = [
        "tracking_code",
        "title",
        "topic",
        StatusTagColumn(
            "status",
            accessor="get_status_display",
            label=_("Trạng thái"),
            primary=lambda q: q.status == Question.Status.PUBLISHED,
        ),
        DateColumn("created_at", label=_("Gửi lúc")),
        DueColumn("due", label=_("Hạn phản hồi (10 ngày)")),
        AnswerColumn("moderate", label=_("Trả lời")),
    ]
    list_filter = ["status", "topic"]
    search_fields = ["tracking_code", "title", "body"]
    form_fields = ["assigned_to"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "tracking_code",
        "asker_name",
        "email",
        "phone",
        "commune",
        "topic",
        "title",
        "body",
        "status",
        "assigned_to",
        "progress_note",
        "answer",
        "rejection_reason",
        "created_at",
        "replied_at",
        "answered_at",
        "view_count",
    ]


@hooks.register("register_admin_viewset")
def register_questions():
    return QuestionViewSet("questions")


@hooks.register("register_admin_urls")
def register_moderation_url():
    return scoped_urlpatterns(
        PROVINCE, [path("hoi-dap/<int:pk>/tra-loi/", moderate_question, name="moderate_question")]
    )
