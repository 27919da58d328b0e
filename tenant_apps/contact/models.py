"""Liên hệ — the contact page and the messages citizens send through it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenant_apps.antispam.flow import CitizenFormMixin
from tenants.schemas import ProvincePageMixin

from .forms import ContactForm


class ContactPage(CitizenFormMixin, ProvincePageMixin, Page):
    """Liên hệ — the office's details and a contact form; messages land in the admin."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = models.CharField(
        _("lời cảm ơn"),
        max_length=300,
        default="Cảm ơn bạn đã liên hệ. Ban Biên tập sẽ phản hồi trong thời gian sớm nhất.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]
    subpage_types = []
    max_count = 1

    rate_limit_scope = "lien-he"
    rate_limited_message = _("Bạn đã gửi quá nhiều thư trong thời gian ngắn. Vui lòng thử lại sau ít phút.")

    class Meta:
        verbose_name = _("trang liên hệ")

    def get_form_class(self):
        return ContactForm

    def process_form_submission(self, form):
        from .services import receive_contact_message

        return receive_contact_message(form.cleaned_data, page=self)


class ContactMessage(models.Model):
    """Thư liên hệ — one message sent through the contact form."""

    page = models.ForeignKey(ContactPage, null=True, on_delete=models.SET_NULL, related_name="messages")
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
