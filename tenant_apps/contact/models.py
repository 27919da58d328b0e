"""Liên hệ — the contact page and the messages citizens send through it."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenant_apps.antispam.flow import CitizenFormMixin
from tenants.schemas import ProvincePageMixin, current_province

from .forms import ContactForm

# Giờ làm việc of a provincial office (administrative hours, Monday to Friday).
DEFAULT_OPENING_HOURS = "Thứ Hai đến Thứ Sáu: sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 00 – 16 giờ 30"


class ContactPage(CitizenFormMixin, ProvincePageMixin, Page):
    """Liên hệ — the office's details and a contact form; messages land in the admin."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = models.CharField(
        _("lời cảm ơn"),
        max_length=300,
        default="Cảm ơn bạn đã liên hệ. Ban Biên tập sẽ phản hồi trong thời gian sớm nhất.",
    )

    opening_hours = models.TextField(_("giờ làm việc"), blank=True, default=DEFAULT_OPENING_HOURS)
    map_url = models.URLField(
        _("liên kết bản đồ"),
        blank=True,
        help_text=_("Trang bản đồ chỉ vị trí trụ sở; để trống thì tìm theo địa chỉ trên OpenStreetMap."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("opening_hours"),
        FieldPanel("map_url"),
        FieldPanel("thank_you_text"),
    ]
    subpage_types = []
    max_count = 1

    rate_limit_scope = "lien-he"
    rate_limited_message = _("Bạn đã gửi quá nhiều thư trong thời gian ngắn. Vui lòng thử lại sau ít phút.")

    class Meta:
        verbose_name = _("trang liên hệ")

    def get_form_class(self):
        return ContactForm

    def office_map_url(self, address: str) -> str:
        """A map of the office on a map service's own page: a link, no third-party script on ours."""
        if self.map_url:
            return self.map_url
        return f"https://www.openstreetmap.org/search?{urlencode({'query': address})}" if address else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_url"] = self.office_map_url(current_province().address)
        return context

    def process_form_submission(self, form):
        from .services import receive_contact_message

        return receive_contact_message(form.cleaned_data, page=self)


class ContactMessage(models.Model):
    """Thư liên hệ — one message sent through the contact form."""

    page = models.ForeignKey(
        ContactPage, verbose_name=_("trang liên hệ"), null=True, on_delete=models.SET_NULL, related_name="messages"
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    email = models.EmailField(_("thư điện tử"))
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=200)
    message = models.TextField(_("nội dung"), max_length=5000)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    handled = models.BooleanField(_("đã xử lý"), default=False)

    class Meta:
        verbose_name = _("thư liên hệ")
        verbose_name_plural = _("thư liên hệ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.subject} – {self.name}"

    def get_handled_display(self) -> str:
        """What the admin's detail screen shows for `handled` (Wagtail's inspect view asks for it), not False."""
        return _("Có") if self.handled else _("Không")
