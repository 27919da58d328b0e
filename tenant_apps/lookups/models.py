"""Tra cứu — a page that asks the national system; nothing it shows is stored here."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenant_apps.antispam.flow import CitizenFormMixin
from tenant_apps.antispam.ratelimit import DEFAULT_WINDOW_SECONDS
from tenants.schemas import ProvincePageMixin

from .adapters import LookupUnavailable, get_adapter
from .forms import HealthCardLookupForm


class HealthCardLookupPage(CitizenFormMixin, ProvincePageMixin, Page):
    """Tra cứu giá trị sử dụng thẻ BHYT."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count = 1

    rate_limit_scope = "tra-cuu"
    rate_limit = (20, DEFAULT_WINDOW_SECONDS)
    rate_limited_message = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.")

    class Meta:
        verbose_name = _("trang tra cứu thẻ BHYT")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_demo"] = get_adapter().is_demo
        return context

    def get_form_class(self):
        return HealthCardLookupForm

    def process_form_submission(self, form) -> dict:
        """The national system's answer, as context of the result page."""
        fields = ("card_number", "full_name", "birth_date")
        try:
            result = get_adapter().health_card(**{k: form.cleaned_data[k] for k in fields})
        except LookupUnavailable:
            error = _(
                "Hệ thống tra cứu của BHXH Việt Nam tạm thời không phản hồi. Vui lòng thử lại sau "
                "hoặc gọi tổng đài 1900 9068."
            )
            return {"result": None, "error": error}
        return {"result": result, "error": None}

    def render_landing_page(self, request, form_submission=None, *args, form=None, **kwargs):
        """The answer on the page itself: a redirect would have to keep the personal data somewhere."""
        return self.render_form(request, form, searched=True, **form_submission)
