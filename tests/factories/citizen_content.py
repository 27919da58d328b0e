"""Factories for what citizens look for: procedures, answered questions, offices, and the board's
search settings (synonyms, pinned results). Run them inside a province's tenant_context."""

import factory
import wagtail_factories
from django.utils import timezone
from factory import Sequence

from tenant_apps.offices.models import Office, OfficeDirectoryPage
from tenant_apps.procedures.models import ProcedurePage
from tenant_apps.qa.models import Question, QuestionIndexPage, Topic
from tenant_apps.search.models import BestBet, SynonymGroup


class ProcedurePageFactory(wagtail_factories.PageFactory):
    """A published procedure; pass `parent=` (the province's ProcedureIndexPage)."""

    class Meta:
        model = ProcedurePage

    title = Sequence(lambda n: f"Thủ tục thử nghiệm số {n}")
    slug = Sequence(lambda n: f"thu-tuc-{n}")
    field = "Thu, cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế"
    steps = factory.LazyFunction(lambda: [("step", {"title": "Nộp hồ sơ", "description": "Nộp tại cơ quan BHXH."})])
    submission_methods = "<p>Trực tiếp hoặc qua bưu chính.</p>"
    dossier = factory.LazyFunction(lambda: [("component", {"name": "Tờ khai TK1-TS", "copies": "01 bản chính"})])
    time_limit = "Không quá 05 ngày làm việc"
    applicants = "Người tham gia"
    deciding_agency = "Bảo hiểm xã hội cơ sở"
    result = "Kết quả giải quyết"
    where_to_submit = "<p>Bộ phận một cửa.</p>"


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question answered and made public; pass `status=` for another stage."""

    class Meta:
        model = Question

    page = factory.LazyFunction(lambda: QuestionIndexPage.objects.get())
    asker_name = "Nguyễn Văn An"
    commune = "Phường Cầu Giấy"
    topic = Topic.HEALTH
    title = Sequence(lambda n: f"Câu hỏi thử nghiệm {n}")
    body = "Tôi muốn hỏi về chế độ."
    status = Question.Status.PUBLISHED
    answer = "<p>Cơ quan BHXH trả lời như sau.</p>"
    answered_at = factory.LazyFunction(timezone.now)


def add_office(name: str, communes: list[str], address: str = "Số 1 đường Trần Phú") -> Office:
    """Add an office to the directory and publish it, as the board does in the admin."""
    directory = OfficeDirectoryPage.objects.get()
    office = Office(page=directory, name=name, address=address, phone="024 3333 4444", communes="\n".join(communes))
    directory.offices.add(office)
    directory.save_revision().publish()
    return directory.offices.get(name=name)


class SynonymGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SynonymGroup

    terms = "VBHN, văn bản hợp nhất"


class BestBetFactory(factory.django.DjangoModelFactory):
    """A pinned result; pass `page=` and `queries=`."""

    class Meta:
        model = BestBet

    note = "Ban Biên tập đề xuất"
