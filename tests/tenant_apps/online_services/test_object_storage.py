"""Citizens' uploads with MEDIA_STORAGE=s3: in the private bucket under the province's schema, never
readable anonymously from the S3 server, still sent only by the permission-checked download view."""

import pytest
import requests

from tenant_apps.online_services.models import ServiceRequest

from .support import REQUEST_URL, pdf_bytes, request_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_to_the_bucket(object_storage, hanoi, request_page):
    """A request sent through the public form while the storages are the test server's buckets."""
    assert hanoi.client().post(REQUEST_URL, request_form()).status_code == 302
    with hanoi.context():
        return ServiceRequest.objects.get().files.get()


def test_an_upload_lands_in_the_private_bucket_which_answers_403_to_a_plain_get(object_storage, sent_to_the_bucket):
    key = f"hanoi/{sent_to_the_bucket.file.name}"

    assert object_storage.keys(object_storage.private_bucket) == [key]
    assert object_storage.keys(object_storage.media_bucket) == []
    assert requests.get(object_storage.object_url(object_storage.private_bucket, key), timeout=5).status_code == 403


def test_an_upload_in_the_bucket_is_sent_only_to_staff_of_its_province_with_the_permission(
    hanoi, hcm, clerk, officer, sent_to_the_bucket
):
    url = f"/tep-dich-vu-cong/{sent_to_the_bucket.key}/"

    assert hanoi.client().get(url).status_code == 403
    assert hanoi.signed_in_client(clerk.username).get(url).status_code == 403
    assert hcm.signed_in_client().get(url).status_code == 404
    response = hanoi.signed_in_client(officer.username).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert hanoi.client().get(f"/media/hanoi/{sent_to_the_bucket.file.name}").status_code == 404
