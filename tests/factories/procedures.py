"""Factories for administrative procedures; run them inside a province's tenant_context."""

import wagtail_factories
from factory import Sequence

from tenant_apps.procedures.models import OnlineLevel, ProcedurePage


class ProcedurePageFactory(wagtail_factories.PageFactory):
    """A procedure with every element of TT 32/2017 Điều 5; pass `parent=` (the ProcedureIndexPage)."""

    class Meta:
        model = ProcedurePage

    title = Sequence(lambda n: f"Cấp lại thẻ bảo hiểm y tế {n}")
    slug = Sequence(lambda n: f"thu-tuc-{n}")
    field = "Thu, cấp sổ, thẻ"
    steps = [("step", {"title": "Nộp hồ sơ", "description": "Người tham gia nộp tờ khai."})]
    submission_methods = "<p>Trực tiếp, qua bưu chính hoặc trực tuyến.</p>"
    dossier = [("component", {"name": "Tờ khai TK1-TS", "copies": "01 bản chính"})]
    time_limit = "05 ngày làm việc"
    applicants = "Người tham gia bảo hiểm y tế"
    deciding_agency = "Bảo hiểm xã hội tỉnh"
    result = "Thẻ bảo hiểm y tế"
    where_to_submit = "<p>Bộ phận một cửa của cơ quan bảo hiểm xã hội.</p>"
    legal_basis_note = "Luật Bảo hiểm y tế"
    online_level = OnlineLevel.FULL
    online_url = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.0001"
