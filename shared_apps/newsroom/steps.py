"""The newsroom's steps for the kernel's hook points (tenants/steps.py).

- Onboarding a province: the newest national items it has not received are marked pending for it in
  the onboarding transaction (the outbox), and their deliveries are sent once it commits.
- A province restored in place: deliveries whose copy the restored site lacks (or holds in an older
  version, or still live though withdrawn) are pending again and sent once the restore commits.
- Demo data of the central site: its national sections, "Tin toàn ngành" and "Văn bản toàn ngành", and
  groups of provinces by region to target national items at (each demo province joins its groups).
"""

from django.db import transaction
from wagtail import hooks

from tenants.models import Province
from tenants.steps import DEMO_CENTRAL_SITE, DEMO_PROVINCE, ONBOARD_PROVINCE, PROVINCE_RESTORED, Onboarding, Reporter

from .services import fanout, must_carry
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


# Demo groups, by official code (tenants/data/provinces.json); the centre keeps its own in the admin.
DEMO_REGION_GROUPS = {
    "Miền Bắc": "01 04 08 11 12 14 15 19 20 22 24 25 31 33 37",
    "Miền Trung và Tây Nguyên": "38 40 42 44 46 48 51 52 56 66 68",
    "Miền Nam": "75 79 80 82 86 91 92 96",
    "Đồng bằng sông Cửu Long": "82 86 91 92 96",
}


@hooks.register(DEMO_CENTRAL_SITE, order=210)
def create_region_groups(report: Reporter) -> None:
    groups = must_carry.ensure_groups({name: codes.split() for name, codes in DEMO_REGION_GROUPS.items()})
    report(f"Nhóm tỉnh, thành phố: {', '.join(group.name for group in groups)}")


@hooks.register(DEMO_PROVINCE, order=900)
def join_region_groups(demo) -> None:
    must_carry.ensure_groups({name: codes.split() for name, codes in DEMO_REGION_GROUPS.items()})
