"""Factories for the province site's content; run them inside a province's tenant_context."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory import Faker, LazyAttribute, Sequence, SubFactory
from wagtail.documents.models import Document

from tenant_apps.documents.models import DocumentField, DocumentType, LegalDocumentAttachment, LegalDocumentPage
from tenant_apps.news.models import NewsCategory, NewsPage


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)

    name = "Tin địa phương"
    slug = "tin-dia-phuong"


class NewsPageFactory(wagtail_factories.PageFactory):
    """A news article; pass `parent=` (the province's NewsIndexPage)."""

    class Meta:
        model = NewsPage

    title = Sequence(lambda n: f"Hội nghị triển khai chính sách bảo hiểm xã hội số {n}")
    slug = Sequence(lambda n: f"tin-{n}")
    category = SubFactory(NewsCategoryFactory)
    summary = "Tóm tắt tin về bảo hiểm xã hội, bảo hiểm y tế."
    body = "<p>Nội dung bài viết về bảo hiểm thất nghiệp và bảo hiểm y tế hộ gia đình.</p>"
    author = Faker("name", locale="vi_VN")
    source = "Ban Biên tập"
    event_end_date = datetime.date(2026, 11, 20)


class WagtailDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = Sequence(lambda n: f"Tệp văn bản {n}")
    file = LazyAttribute(lambda doc: ContentFile(b"%PDF-1.4\n% test\n", name="van-ban.pdf"))


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    """A legal document; pass `parent=` (the province's DocumentIndexPage)."""

    class Meta:
        model = LegalDocumentPage
        skip_postgeneration_save = True

    title = Sequence(lambda n: f"Quy định chi tiết về bảo hiểm xã hội {n}")
    slug = Sequence(lambda n: f"van-ban-{n}")
    number = Sequence(lambda n: f"{n}/2026/NĐ-CP")
    doc_type = DocumentType.DECREE
    issuer = "Chính phủ"
    signed_date = datetime.date(2026, 1, 15)
    effective_date = datetime.date(2026, 3, 1)
    field = DocumentField.SOCIAL
    summary = "Quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc."

    @factory.post_generation
    def with_file(self, create, extracted, **kwargs):
        if create and extracted:
            LegalDocumentAttachment.objects.create(page=self, document=WagtailDocumentFactory())
            self.save()  # re-index with the attachment's title, as saving the page in the admin does
