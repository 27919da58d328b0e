"""Factories for the central newsroom's national items; run them in the public schema."""

import datetime

import factory
import wagtail_factories
from factory import Sequence

from shared_apps.newsroom.models import ProvinceGroup
from shared_apps.newsroom.pages.models import NationalDocumentAttachment, NationalDocumentPage, NationalNewsPage
from tenant_apps.documents.models import DocumentField, DocumentType

from .content import WagtailDocumentFactory


class NationalNewsPageFactory(wagtail_factories.PageFactory):
    """A national article; pass `parent=` (the central NationalNewsIndexPage), then publish it."""

    class Meta:
        model = NationalNewsPage

    title = Sequence(lambda n: f"Bảo hiểm xã hội Việt Nam hướng dẫn thực hiện chính sách mới số {n}")
    slug = Sequence(lambda n: f"tin-toan-nganh-{n}")
    summary = "Bảo hiểm xã hội Việt Nam hướng dẫn các tỉnh triển khai chính sách bảo hiểm xã hội mới."
    body = "<p>Nội dung hướng dẫn về bảo hiểm xã hội, bảo hiểm y tế và bảo hiểm thất nghiệp.</p>"
    author = "Ban Tuyên truyền"
    source = "Bảo hiểm xã hội Việt Nam"
    event_end_date = datetime.date(2026, 11, 20)


class NationalDocumentPageFactory(wagtail_factories.PageFactory):
    """A national legal document; pass `parent=` (the central NationalDocumentIndexPage)."""

    class Meta:
        model = NationalDocumentPage
        skip_postgeneration_save = True

    title = Sequence(lambda n: f"Quyết định ban hành quy trình thu bảo hiểm xã hội {n}")
    slug = Sequence(lambda n: f"van-ban-toan-nganh-{n}")
    number = Sequence(lambda n: f"{n}/QĐ-BHXH")
    doc_type = DocumentType.DECISION
    issuer = "Bảo hiểm xã hội Việt Nam"
    signed_date = datetime.date(2026, 10, 1)
    effective_date = datetime.date(2026, 11, 1)
    field = DocumentField.COLLECTION
    summary = "Quy trình thu bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; quản lý sổ, thẻ."

    @factory.post_generation
    def with_file(self, create, extracted, **kwargs):
        if create and extracted:
            NationalDocumentAttachment.objects.create(page=self, document=WagtailDocumentFactory())
            self.save()


class ProvinceGroupFactory(factory.django.DjangoModelFactory):
    """A group of provinces the centre targets; named apart from the demo's regions, which a test
    session may already hold in the public schema."""

    class Meta:
        model = ProvinceGroup

    name = Sequence(lambda n: f"Nhóm tỉnh thử nghiệm {n}")
