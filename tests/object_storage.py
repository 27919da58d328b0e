"""A real S3 server for the tests of MEDIA_STORAGE=s3, and the fixture that points the storages at it.

Debian and PyPI ship no MinIO, Garage or versitygw binary here, so the server is moto's standalone S3
server (`python -m moto.server`, moto[server] in requirements.txt), in a process of its own on a loopback
port: django-storages and boto3 speak real S3 HTTP to it (signatures, ACLs, listing, 403 for anonymous
reads of private objects).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass

import boto3
import pytest
import requests

REGION = "us-east-1"
ACCESS_KEY, SECRET_KEY = "bhxh-test-key", "bhxh-test-secret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """The endpoint URL of an S3 server process started for this test session."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(endpoint, timeout=1)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("The S3 test server (moto.server) did not start.") from None
            time.sleep(0.1)
    yield endpoint
    process.terminate()
    process.wait(timeout=10)


@dataclass
class ObjectStorage:
    endpoint: str
    media_bucket: str
    private_bucket: str
    client: object

    def keys(self, bucket: str) -> list[str]:
        return [item["Key"] for item in self.client.list_objects_v2(Bucket=bucket).get("Contents", [])]

    def object_url(self, bucket: str, key: str) -> str:
        return f"{self.endpoint}/{bucket}/{key}"


@pytest.fixture
def object_storage(settings, s3_server) -> ObjectStorage:
    """MEDIA_STORAGE=s3 for one test: two new, private buckets on the test S3 server, configured as
    platform/config/settings/base.py does from the environment."""
    suffix = uuid.uuid4().hex[:10]
    storage = ObjectStorage(
        s3_server,
        f"bhxh-media-{suffix}",
        f"bhxh-private-{suffix}",
        boto3.client(
            "s3",
            endpoint_url=s3_server,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        ),
    )
    for bucket in (storage.media_bucket, storage.private_bucket):
        storage.client.create_bucket(Bucket=bucket)
    connection = {
        "endpoint_url": s3_server,
        "region_name": REGION,
        "access_key": ACCESS_KEY,
        "secret_key": SECRET_KEY,
        "addressing_style": "path",
    }
    settings.MEDIA_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "tenants.s3_storage.TenantS3Storage",
            "OPTIONS": {**connection, "bucket_name": storage.media_bucket, "media_url": settings.MEDIA_URL},
        },
        "private": {
            "BACKEND": "tenants.s3_storage.TenantS3Storage",
            "OPTIONS": {**connection, "bucket_name": storage.private_bucket, "media_url": None},
        },
    }
    return storage
