"""The newsroom's steps for the kernel's hook points (tenants/steps.py).

- Onboarding a province: the newest national items it has not received are marked pending for it in
  the onboarding transaction (the outbox), and their deliveries are sent once it commits.
- A province restored in place: deliveries whose copy the restored site lacks (or holds in an older
  version, or still live though withdrawn) are pending again and sent once the restore commits.
- Demo data of the central site: its national sections, "Tin toàn ngành" and "Văn bản toàn ngành".
"""

from django.db import transaction
from wagtail import hooks

from tenants.models import Province
from tenants.steps import DEMO_CENTRAL_SITE, ONBOARD_PROVINCE, PROVINCE_RESTORED, Onboarding, Reporter

from .services import fanout
from .services.sections import ensure_newsroom_sections
from .tasks import send_deliveries


@hooks.register(ONBOARD_PROVINCE, order=300)
def queue_national_backlog(onboarding: Onboarding) -> None:
    province = onboarding.province
    if province.status != province.Status.ACTIVE:
        return
    item_ids = fanout.prepare_backlog(province)
    transaction.on_commit(lambda: send_deliveries((province, item_id) for item_id in item_ids))
    onboarding.report(f"Tin toàn ngành: {len(item_ids)} tin mới nhất sẽ được gửi tới tỉnh khi khởi tạo xong")


@hooks.register(PROVINCE_RESTORED, order=300)
def redeliver_what_the_restored_site_lacks(province: Province) -> None:
    item_ids = fanout.reconcile_restored_province(province)
    transaction.on_commit(lambda: send_deliveries((province, item_id) for item_id in item_ids))


@hooks.register(DEMO_CENTRAL_SITE, order=200)
def create_national_sections(report: Reporter) -> None:
    news, documents = ensure_newsroom_sections()
    report(f"Chuyên mục toàn ngành: {news.title}, {documents.title}")
