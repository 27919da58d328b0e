"""MEDIA_STORAGE=s3 against a real S3 server (tests/object_storage.py): keys under <schema>/, a province
never reaches another's objects, files served only on their province's host, buckets never public."""

import pytest
import requests
from django.core.exceptions import SuspiciousOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.test import Client

from tenants.merging import _copy_media, _remove_media
from tenants.storage import shared_private_storage
from tests.conftest import CENTRAL_HOST

PDF = b"%PDF-1.4 Ha Noi"


def test_a_file_saved_by_one_province_is_stored_under_its_schema_in_the_bucket(hanoi, object_storage):
    with hanoi.context():
        name = default_storage.save("tai-lieu/bieu-mau.pdf", ContentFile(PDF))

    assert object_storage.keys(object_storage.media_bucket) == [f"hanoi/{name}"]


def test_another_province_cannot_open_list_or_reach_a_province_object(hanoi, hcm, object_storage):
    with hanoi.context():
        name = default_storage.save("tai-lieu/bieu-mau.pdf", ContentFile(PDF))

    with hcm.context():
        assert not default_storage.exists(name)
        with pytest.raises(FileNotFoundError):
            default_storage.open(name)
        assert default_storage.listdir("") == ([], [])
        assert default_storage.listdir("tai-lieu") == ([], [])
        with pytest.raises(SuspiciousOperation):
            default_storage.open(f"../hanoi/{name}")
    with hanoi.context():
        assert default_storage.listdir("tai-lieu") == ([], ["bieu-mau.pdf"])
        assert default_storage.open(name).read() == PDF


def test_a_second_upload_of_the_same_name_does_not_replace_the_first(hanoi, object_storage):
    with hanoi.context():
        first = default_storage.save("anh/anh.jpg", ContentFile(b"first"))
        second = default_storage.save("anh/anh.jpg", ContentFile(b"second"))

        assert first != second
        assert default_storage.open(first).read() == b"first"


def test_public_media_in_the_bucket_is_served_only_on_its_province_host(hanoi, hcm, object_storage):
    with hanoi.context():
        name = default_storage.save("tai-lieu/bieu-mau.pdf", ContentFile(PDF))
        url = default_storage.url(name)
    assert url == f"/media/hanoi/{name}"

    answer = hanoi.client().get(url)
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == PDF
    assert answer["Content-Type"] == "application/pdf"
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert hcm.client().get(url).status_code == 404
    assert hcm.client().get(url.replace("/media/hanoi/", "/media/hcm/")).status_code == 404
    assert Client(HTTP_HOST=CENTRAL_HOST).get(url).status_code == 404
    assert hanoi.client().get("/media/hanoi/tai-lieu/khong-co.pdf").status_code == 404


def test_the_media_bucket_itself_is_not_readable_anonymously(hanoi, object_storage):
    with hanoi.context():
        name = default_storage.save("tai-lieu/bieu-mau.pdf", ContentFile(PDF))

    plain_get = requests.get(object_storage.object_url(object_storage.media_bucket, f"hanoi/{name}"), timeout=5)

    assert plain_get.status_code == 403


def test_private_files_go_to_the_private_bucket_and_have_no_url(hanoi, object_storage):
    with hanoi.context():
        private = storages["private"]
        name = private.save("yeu-cau/2026/12/to-khai.pdf", ContentFile(PDF))
        with pytest.raises(ValueError, match="no public URL"):
            private.url(name)

    assert object_storage.keys(object_storage.private_bucket) == [f"hanoi/{name}"]
    assert object_storage.keys(object_storage.media_bucket) == []
    plain_get = requests.get(object_storage.object_url(object_storage.private_bucket, f"hanoi/{name}"), timeout=5)
    assert plain_get.status_code == 403


def test_a_merge_copies_the_absorbed_province_objects_and_removing_its_schema_deletes_them(hanoi, hcm, object_storage):
    with hcm.context():
        public_name = default_storage.save("anh/cau-rong.jpg", ContentFile(b"jpeg"))
        private_name = storages["private"].save("yeu-cau/to-khai.pdf", ContentFile(PDF))

    _copy_media(hcm.province, hanoi.province)
    _copy_media(hcm.province, hanoi.province)  # a re-run writes the same names again

    with hanoi.context():
        assert default_storage.open(f"sap-nhap/hcm/{public_name}").read() == b"jpeg"
        assert storages["private"].open(f"sap-nhap/hcm/{private_name}").read() == PDF
    assert sorted(object_storage.keys(object_storage.media_bucket)) == [
        f"hanoi/sap-nhap/hcm/{public_name}",
        f"hcm/{public_name}",
    ]

    _remove_media("hcm")

    assert object_storage.keys(object_storage.media_bucket) == [f"hanoi/sap-nhap/hcm/{public_name}"]
    assert object_storage.keys(object_storage.private_bucket) == [f"hanoi/sap-nhap/hcm/{private_name}"]


def test_health_checks_the_buckets_and_says_when_the_private_one_cannot_be_written(hanoi, object_storage):
    answer = hanoi.client().get("/healthz/")
    assert answer.json()["checks"]["media"] == "ok"
    assert answer.json()["checks"]["private_media"] == "ok"

    object_storage.client.delete_bucket(Bucket=object_storage.private_bucket)

    answer = hanoi.client().get("/healthz/")
    assert (answer.status_code, answer.json()["checks"]["private_media"]) == (503, "unavailable")
    assert answer.json()["checks"]["media"] == "ok"


def test_dossier_files_uploaded_by_a_province_are_read_by_the_centre_from_the_private_bucket(hanoi, object_storage):
    with hanoi.context():
        name = shared_private_storage("dossiers").save("2026/quyet-dinh.pdf", ContentFile(PDF))

    assert shared_private_storage("dossiers").open(name).read() == PDF  # the centre, in the public schema
    assert object_storage.keys(object_storage.private_bucket) == [f"dossiers/{name}"]
    with pytest.raises(ValueError, match="no public URL"):
        storages["private"].url(name)
