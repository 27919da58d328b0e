"""Factories for online service requests; run them inside a province's tenant_context."""

import factory
import wagtail_factories
from factory import Faker, Sequence

from tenant_apps.home.models import HomePage
from tenant_apps.online_services.models import (
    RequestStatus,
    ServiceRequest,
    ServiceRequestEvent,
    ServiceRequestFormField,
    ServiceRequestPage,
)
from tenant_apps.online_services.services import new_tracking_code

# (label, field type, required, choices) of the request type most tests use.
HOUSEHOLD_FIELDS = (
    ("Địa chỉ thường trú", "singleline", True, ""),
    ("Số người trong hộ", "number", True, ""),
    ("Phương thức đóng", "radio", True, "3 tháng\n6 tháng\n12 tháng"),
    ("Ghi chú thêm", "multiline", False, ""),
    ("Tờ khai TK1-TS", "file", True, ""),
)


class ServiceRequestPageFactory(wagtail_factories.PageFactory):
    """A published request type; pass `parent=` and `fields=[(label, type, required, choices), …]`."""

    class Meta:
        model = ServiceRequestPage
        skip_postgeneration_save = True

    title = "Đăng ký tham gia BHYT hộ gia đình"
    slug = Sequence(lambda n: f"dang-ky-bhyt-ho-gia-dinh-{n}")
    require_id_number = True
    processing_time = "05 ngày làm việc"

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if not create:
            return
        for position, (label, kind, required, choices) in enumerate(extracted or HOUSEHOLD_FIELDS):
            ServiceRequestFormField.objects.create(
                page=self, sort_order=position, label=label, field_type=kind, required=required, choices=choices
            )


class ServiceRequestFactory(factory.django.DjangoModelFactory):
    """A request as the citizen's form would have stored it, with its first event."""

    class Meta:
        model = ServiceRequest
        skip_postgeneration_save = True

    page = None
    request_type = "Đăng ký tham gia BHYT hộ gia đình"
    tracking_code = factory.LazyFunction(new_tracking_code)
    status = RequestStatus.RECEIVED
    full_name = Faker("name", locale="vi_VN")
    phone = Sequence(lambda n: f"09{n:08d}")
    email = Sequence(lambda n: f"nguoidan{n}@example.vn")
    id_number = Sequence(lambda n: f"001{n:09d}")
    answers = factory.LazyFunction(
        lambda: [{"name": "dia_chi", "label": "Địa chỉ thường trú", "value": "Số 1 Lý Thái Tổ"}]
    )

    @factory.post_generation
    def received(self, create, extracted, **kwargs):
        if create:
            ServiceRequestEvent.objects.create(request=self, from_status="", to_status=RequestStatus.RECEIVED)


def add_reissue_request_type(site) -> ServiceRequestPage:
    """«Cấp lại thẻ BHYT» under the province's «Dịch vụ công trực tuyến»: no upload, no CCCD."""
    with site.context():
        return ServiceRequestPageFactory(
            parent=HomePage.objects.get().get_children().get(slug="dich-vu-cong"),
            slug="cap-lai-the-bhyt",
            title="Cấp lại thẻ BHYT",
            require_id_number=False,
            fields=[("Lý do cấp lại", "dropdown", True, "Mất thẻ\nHỏng thẻ")],
        )
