"""Tra cứu — a page that asks the national system; nothing it shows is stored here."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenants.schemas import ProvincePageMixin


class HealthCardLookupPage(ProvincePageMixin, Page):
    """Tra cứu giá trị sử dụng thẻ BHYT."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("trang tra cứu thẻ BHYT")

    def serve(self, request, *args, **kwargs):
        from django.template.response import TemplateResponse

        from tenant_apps.antispam.ratelimit import allow_submission

        from .adapters import LookupUnavailable, get_adapter
        from .forms import HealthCardLookupForm

        adapter = get_adapter()
        form = HealthCardLookupForm(request.POST or None)
        result = error = None
        searched = False
        if request.method == "POST":
            if not allow_submission(request, "tra-cuu", limit=20):
                error = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.")
            elif form.is_valid():
                searched = True
                try:
                    result = adapter.health_card(
                        **{k: form.cleaned_data[k] for k in ("card_number", "full_name", "birth_date")}
                    )
                except LookupUnavailable:
                    error = _(
                        "Hệ thống tra cứu của BHXH Việt Nam tạm thời không phản hồi. Vui lòng thử lại sau "
                        "hoặc gọi tổng đài 1900 9068."
                    )
        context = self.get_context(request)
        context.update(form=form, result=result, error=error, searched=searched, is_demo=adapter.is_demo)
        response = TemplateResponse(request, self.get_template(request), context)
        response["Cache-Control"] = "no-store"  # personal data passes through; never cache it
        return response
