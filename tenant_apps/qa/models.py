"""Hỏi đáp — citizens' questions on BHXH/BHYT policy, moderated and answered by the board.

Every question gets a reply or a progress note within 10 days (TT 26/2009; founding letter §4).
The asker's contact details are never published.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenant_apps.antispam.flow import CitizenFormMixin
from tenant_apps.antispam.ratelimit import allow_submission
from tenant_apps.pages.pagination import paginate
from tenant_apps.search.text import fold
from tenants.schemas import ProvincePageMixin

REPLY_DEADLINE_DAYS = 10  # TT 26/2009: feedback answered, or progress reported, within 10 days
QUESTIONS_PER_PAGE = 10
# Tra cứu câu hỏi: lookups by tracking code from one address (per seconds), against guessing codes.
LOOKUP_RATE_LIMIT = (10, 600)
LOOKUP_RATE_LIMIT_SCOPE = "hoi-dap-tra-cuu"
LOOKUP_RATE_LIMITED = _("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.")


class Topic(models.TextChoices):
    COMPULSORY = "bhxh-bat-buoc", _("BHXH bắt buộc")
    VOLUNTARY = "bhxh-tu-nguyen", _("BHXH tự nguyện")
    HEALTH = "bhyt", _("BHYT")
    UNEMPLOYMENT = "bhtn", _("BHTN")
    PROCEDURE = "thu-tuc", _("Thủ tục")
    OTHER = "khac", _("Khác")


def new_tracking_code() -> str:
    return f"HD-{timezone.localdate():%Y%m%d}-{secrets.token_hex(3).upper()}"


class QuestionIndexPage(RoutablePageMixin, CitizenFormMixin, ProvincePageMixin, Page):
    """Hỏi đáp — answered questions by topic, searchable, most viewed; and the form to ask one."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count = 1

    rate_limit_scope = "hoi-dap"
    rate_limited_message = _("Bạn đã gửi quá nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau.")

    class Meta:
        verbose_name = _("trang hỏi đáp")

    def get_form_class(self):
        from .forms import QuestionForm

        return QuestionForm

    def get_form_template(self, request):
        return "qa/ask.html"

    def process_form_submission(self, form):
        from .services import receive_question

        return receive_question(form.cleaned_data, page=self)

    def render_landing_page(self, request, form_submission=None, *args, form=None, **kwargs):
        """The receipt with the question's tracking code."""
        return redirect(self.url + self.reverse_subpage("receipt", args=[form_submission.tracking_code]))

    def published_questions(self):
        return Question.objects.filter(page=self, status=Question.Status.PUBLISHED)

    @path("")
    def listing(self, request):
        topic = request.GET.get("chu-de", "")
        query = request.GET.get("q", "").strip()[:200]
        questions = self.published_questions()
        if topic in Topic.values:
            questions = questions.filter(topic=topic)
        if query:
            for word in fold(query).split()[:10]:
                questions = questions.filter(search_text__contains=word)
        return self.render(
            request,
            context_overrides={
                "questions": paginate(request, questions.order_by("-answered_at", "-pk"), QUESTIONS_PER_PAGE),
                "most_viewed": self.published_questions().order_by("-view_count", "-pk")[:5],
                "topics": Topic.choices,
                "topic": topic,
                "query": query,
            },
        )

    @path("gui-cau-hoi/")
    def ask(self, request):
        return self.serve_form(request)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        """Tra cứu câu hỏi: by its tracking code, the status in words, the answer once published."""
        from .forms import QuestionLookupForm

        form = QuestionLookupForm(request.POST if request.method == "POST" else None)
        found, not_found = None, False
        if request.method == "POST":
            if not allow_submission(request, LOOKUP_RATE_LIMIT_SCOPE, *LOOKUP_RATE_LIMIT):
                form.add_error(None, LOOKUP_RATE_LIMITED)
            elif form.is_valid():
                found = Question.objects.filter(page=self, tracking_code=form.cleaned_data["ma"]).first()
                not_found = found is None
        response = self.render(
            request,
            template="qa/question_lookup.html",
            context_overrides={"form": form, "found": found, "not_found": not_found},
        )
        add_never_cache_headers(response)
        return response

    @path("da-nhan/<str:code>/", name="receipt")
    def receipt(self, request, code):
        question = get_object_or_404(Question, page=self, tracking_code=code)
        return self.render(request, template="qa/receipt.html", context_overrides={"question": question})

    @path("<int:pk>/", name="question")
    def question(self, request, pk):
        question = get_object_or_404(self.published_questions(), pk=pk)
        Question.objects.filter(pk=pk).update(view_count=F("view_count") + 1)
        return self.render(request, template="qa/question.html", context_overrides={"question": question})


class Question(models.Model):
    """Câu hỏi — one question, its moderation, and its public answer."""

    class Status(models.TextChoices):
        NEW = "moi", _("Mới nhận")
        ASSIGNED = "da-phan-cong", _("Đã phân công")
        PUBLISHED = "da-tra-loi", _("Đã trả lời, công khai")
        REJECTED = "tu-choi", _("Không trả lời công khai")

    # What the asker reads when looking the question up (tra cứu), in place of the board's terms.
    CITIZEN_STATUS = {
        Status.NEW: _("Đã nhận, đang chờ xử lý"),
        Status.ASSIGNED: _("Đang được trả lời"),
        Status.PUBLISHED: _("Đã trả lời"),
        Status.REJECTED: _("Không trả lời công khai"),
    }

    page = models.ForeignKey(QuestionIndexPage, on_delete=models.CASCADE, related_name="questions")
    tracking_code = models.CharField(_("mã theo dõi"), max_length=20, unique=True, default=new_tracking_code)
    asker_name = models.CharField(_("họ và tên"), max_length=150)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    commune = models.CharField(_("xã, phường"), max_length=150)
    topic = models.CharField(_("chủ đề"), max_length=20, choices=Topic.choices)
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung câu hỏi"), max_length=5000)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_questions",
    )
    progress_note = models.TextField(
        _("thông báo tiến độ"), blank=True, help_text=_("Gửi người hỏi khi chưa thể trả lời trong 10 ngày.")
    )
    answer = RichTextField(_("trả lời"), blank=True, features=["bold", "italic", "link", "ol", "ul", "document-link"])
    rejection_reason = models.CharField(_("lý do không trả lời công khai"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    replied_at = models.DateTimeField(
        _("phản hồi lúc"), null=True, blank=True, help_text=_("Lần đầu trả lời hoặc báo tiến độ.")
    )
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.tracking_code}: {self.title}"

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.title, self.body]))
        super().save(*args, **kwargs)

    @property
    def due_on(self) -> datetime.date:
        return timezone.localdate(self.created_at) + datetime.timedelta(days=REPLY_DEADLINE_DAYS)

    @property
    def is_overdue(self) -> bool:
        return self.replied_at is None and timezone.localdate() > self.due_on

    @property
    def citizen_status(self) -> str:
        return self.CITIZEN_STATUS[self.status]

    @property
    def url(self) -> str:
        return self.page.url + self.page.reverse_subpage("question", args=[self.pk])
