"""Reminders of ad-hoc requests link each province to its own admin page for the answer."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from shared_apps.reporting.models import AdHocRequest
from shared_apps.reporting.tasks import remind_adhoc_requests

pytestmark = pytest.mark.django_db


def test_each_province_is_reminded_with_a_link_to_its_own_admin(hanoi, hcm, settings):
    settings.PUBLIC_URL_PORT = 8000
    for site in (hanoi, hcm):
        site.province.email = f"bbt@{site.host}"
        site.province.save()
    request = AdHocRequest.objects.create(
        subject="Báo cáo nhanh", questions="Số liệu?", deadline=timezone.localdate() + datetime.timedelta(days=2)
    )

    remind_adhoc_requests()

    links = {message.to[0]: re.findall(r"https?://\S+", message.body) for message in mail.outbox}
    assert links == {
        "bbt@hanoi.localhost": [f"http://hanoi.localhost:8000/admin/bao-cao/dot-xuat/{request.pk}/"],
        "bbt@hcm.localhost": [f"http://hcm.localhost:8000/admin/bao-cao/dot-xuat/{request.pk}/"],
    }
