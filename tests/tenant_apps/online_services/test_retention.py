"""Personal data of closed requests is erased after the retention period, by a nightly task per province."""

from datetime import timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from tenant_apps.online_services.models import RequestStatus, ServiceRequest, ServiceRequestFile
from tenant_apps.online_services.tasks import erase_expired_personal_data_task
from tests.factories import ServiceRequestFactory

from .support import pdf_bytes

pytestmark = pytest.mark.django_db


def _closed(status: str, months_ago: int, days: int = 0, **fields) -> ServiceRequest:
    closed_at = timezone.now() - relativedelta(months=months_ago) - timedelta(days=days)
    service_request = ServiceRequestFactory(status=status, **fields)
    ServiceRequest.objects.filter(pk=service_request.pk).update(closed_at=closed_at)
    return service_request


def _attach_pdf(service_request: ServiceRequest) -> ServiceRequestFile:
    stored = ServiceRequestFile(
        request=service_request,
        field_name="to_khai_tk1_ts",
        label="Tờ khai TK1-TS",
        original_name="to-khai.pdf",
        content_type="application/pdf",
        size=len(pdf_bytes()),
    )
    stored.file.save("tep.pdf", ContentFile(pdf_bytes()), save=True)
    return stored


def test_the_task_erases_personal_data_and_files_of_old_closed_requests_only(
    hanoi, hcm, private_media_root, django_capture_on_commit_callbacks
):
    assert settings.ONLINE_SERVICES_RETENTION_MONTHS == 24
    with hanoi.context():
        old_done = _closed(RequestStatus.DONE, 24, days=1)
        old_rejected = _closed(RequestStatus.REJECTED, 30)
        recent_done = _closed(RequestStatus.DONE, 23)
        open_for_long = ServiceRequestFactory(status=RequestStatus.PROCESSING)
        ServiceRequest.objects.filter(pk=open_for_long.pk).update(created_at=timezone.now() - relativedelta(years=3))
        old_file, recent_file = _attach_pdf(old_done), _attach_pdf(recent_done)
        old_path = Path(private_media_root) / hanoi.province.schema_name / old_file.file.name
        assert old_path.is_file()
    with hcm.context():
        other_province = _closed(RequestStatus.DONE, 36)

    with hanoi.context(), django_capture_on_commit_callbacks(execute=True):
        assert erase_expired_personal_data_task.apply().get() == 2

    with hanoi.context():
        for erased in ServiceRequest.objects.filter(pk__in=[old_done.pk, old_rejected.pk]):
            assert (erased.full_name, erased.phone, erased.email, erased.id_number, erased.answers) == (
                "",
                "",
                "",
                "",
                [],
            )
            assert erased.personal_data_erased_at and erased.status in (RequestStatus.DONE, RequestStatus.REJECTED)
            assert erased.tracking_code and erased.events.exists()  # statistics and history stay
        assert not ServiceRequestFile.objects.filter(pk=old_file.pk).exists() and not old_path.exists()
        for kept in (recent_done, open_for_long):
            current = ServiceRequest.objects.get(pk=kept.pk)
            assert current.full_name == kept.full_name and current.phone == kept.phone
            assert current.id_number == kept.id_number and current.personal_data_erased_at is None
        assert ServiceRequestFile.objects.filter(pk=recent_file.pk).exists()
        assert erase_expired_personal_data_task.apply().get() == 0  # a second night finds nothing new
    with hcm.context():
        assert ServiceRequest.objects.get(pk=other_province.pk).phone == other_province.phone


def test_the_nightly_beat_runs_the_task_in_every_province():
    entry = settings.CELERY_BEAT_SCHEDULE["erase-online-service-personal-data"]
    assert entry["task"] == "tenants.tasks.run_in_every_province"
    assert entry["args"] == [erase_expired_personal_data_task.name]
    assert erase_expired_personal_data_task.name == "tenant_apps.online_services.tasks.erase_expired_personal_data"
