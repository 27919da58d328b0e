"""Abuse: a flood of submissions from one address is cut off while citizens elsewhere still get through."""

from __future__ import annotations

import pytest

from tenant_apps.antispam.flow import REFUSED_RATE_LIMIT
from tenant_apps.contact.models import ContactMessage

from .conftest import CONTACT, open_draft

pytestmark = pytest.mark.django_db

FLOOD = 1000
RATE_LIMITED = "Bạn đã gửi quá nhiều thư trong thời gian ngắn"


def test_a_thousand_rapid_contact_messages_are_rate_limited_and_no_citizens_message_is_lost(hanoi):
    attacker = hanoi.client(REMOTE_ADDR="203.0.113.66")
    statuses = {}
    citizens_subjects = []
    for number in range(FLOOD):
        response = attacker.post("/lien-he/", {**CONTACT, "subject": f"Thư rác {number}"})
        key = response.status_code if response.status_code == 302 else RATE_LIMITED in response.content.decode()
        statuses[key] = statuses.get(key, 0) + 1
        if number % 100 == 99:  # meanwhile, a citizen from another address writes
            subject = f"Thư của người dân {number // 100}"
            citizen = hanoi.client(REMOTE_ADDR=f"198.51.100.{number // 100 + 1}")
            assert citizen.post("/lien-he/", {**CONTACT, "subject": subject}).status_code == 302
            citizens_subjects.append(subject)

    assert statuses == {302: 5, True: FLOOD - 5}
    with hanoi.context():
        stored = set(ContactMessage.objects.values_list("subject", flat=True))
    assert stored >= set(citizens_subjects) and len(citizens_subjects) == 10
    assert len(stored) == 5 + 10


def test_the_flood_in_one_province_does_not_limit_the_same_address_in_another(hanoi, hcm):
    for _ in range(6):
        hanoi.client(REMOTE_ADDR="203.0.113.66").post("/lien-he/", CONTACT)

    assert hcm.client(REMOTE_ADDR="203.0.113.66").post("/lien-he/", CONTACT).status_code == 302


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/hoi-dap/gui-cau-hoi/", "Bạn đã gửi thông tin chưa hợp lệ quá nhiều lần"),
        ("/lay-y-kien-du-thao/du-thao-quy-che/", "Bạn đã gửi thông tin chưa hợp lệ quá nhiều lần"),
        ("/tra-cuu-dich-vu-cong/", "Bạn đã tra cứu quá nhiều lần"),
    ],
)
def test_an_empty_post_after_the_limit_gets_the_message_not_an_error(hanoi, url, message):
    """Found by the fuzzing: the limit's message was added to an unbound form, a 500."""
    open_draft(hanoi)
    flooder = hanoi.client(REMOTE_ADDR="203.0.113.67")
    for _ in range(REFUSED_RATE_LIMIT[0]):
        flooder.post(url, {"x": "1"})

    response = flooder.post(url, {})

    assert response.status_code == 200 and message in response.content.decode()
