"""The newsroom's steps for the kernel's hook points (tenants/steps.py).

- Onboarding a province: once the province is committed, Celery delivers the newest national items
  it has not received (`send_national_backlog`, sent from the public schema, where it runs).
- Demo data of the central site: its national sections, "Tin toàn ngành" and "Văn bản toàn ngành".
"""

from django.db import transaction
from django_tenants.utils import get_public_schema_name, schema_context
from wagtail import hooks

from tenants.steps import DEMO_CENTRAL_SITE, ONBOARD_PROVINCE, Onboarding, Reporter

from .services.sections import ensure_newsroom_sections
from .tasks import send_national_backlog


@hooks.register(ONBOARD_PROVINCE, order=300)
def send_backlog_once_committed(onboarding: Onboarding) -> None:
    province_id = onboarding.province.pk

    def send() -> None:
        with schema_context(get_public_schema_name()):
            send_national_backlog.delay(province_id)

    transaction.on_commit(send)  # never for a rolled-back onboarding
    onboarding.report("Tin toàn ngành: các tin mới nhất sẽ được gửi tới tỉnh khi khởi tạo xong")


@hooks.register(DEMO_CENTRAL_SITE, order=200)
def create_national_sections(report: Reporter) -> None:
    news, documents = ensure_newsroom_sections()
    report(f"Chuyên mục toàn ngành: {news.title}, {documents.title}")
