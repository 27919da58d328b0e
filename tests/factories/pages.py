import datetime

import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory import Faker, LazyAttribute

from tenant_apps.consultation.models import ConsultationIndexPage, DraftConsultationPage
from tenant_apps.pages.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    """A published content page; pass `parent=` (the province's home page)."""

    class Meta:
        model = ContentPage

    title = Faker("sentence", nb_words=5, locale="vi_VN")
    slug = LazyAttribute(lambda page: slugify(page.title, allow_unicode=False) or "trang")
    body = "<p>Nội dung thử nghiệm về bảo hiểm xã hội.</p>"


def open_draft(site) -> DraftConsultationPage:
    """A draft open for comments, published under the province's consultation section."""
    today = timezone.localdate()
    with site.context():
        draft = DraftConsultationPage(
            title="Dự thảo Quy chế tiếp công dân",
            slug="du-thao-quy-che",
            summary="Dự thảo quy chế.",
            opens_on=today - datetime.timedelta(days=1),
            closes_on=today + datetime.timedelta(days=10),
        )
        ConsultationIndexPage.objects.get().add_child(instance=draft)
        draft.save_revision().publish()
    return draft
