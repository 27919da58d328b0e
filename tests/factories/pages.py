import wagtail_factories
from django.utils.text import slugify
from factory import Faker, LazyAttribute

from tenant_apps.pages.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    """A published content page; pass `parent=` (the province's home page)."""

    class Meta:
        model = ContentPage

    title = Faker("sentence", nb_words=5, locale="vi_VN")
    slug = LazyAttribute(lambda page: slugify(page.title, allow_unicode=False) or "trang")
    body = "<p>Nội dung thử nghiệm về bảo hiểm xã hội.</p>"
