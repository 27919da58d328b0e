"""Test settings: same services as development, a separate Redis database, fast hashing."""

import bootstrap

# pytest run on its own (not through the launcher) starts the embedded servers, as manage.py does.
bootstrap.ensure_services_in_environment()

from .base import *  # noqa: F403, E402
from .base import REDIS_URL, _broker_url  # noqa: E402

# Tests use their own Redis database so a running `make run` is never disturbed.
_TEST_REDIS_URL = REDIS_URL.replace("db=0", "db=15") if "db=0" in REDIS_URL else REDIS_URL.rstrip("/") + "/15"
CACHES["default"]["LOCATION"] = _TEST_REDIS_URL  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "bhxh-test"  # noqa: F405
CELERY_BROKER_URL = CELERY_RESULT_BACKEND = _broker_url(_TEST_REDIS_URL)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = DATA_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://localhost"
PUBLIC_URL_SCHEME, PUBLIC_URL_PORT = "http", None  # tests may set others with `settings`
# The captcha accepts the answer "PASSED" in tests; any other wrong answer is still refused.
CAPTCHA_TEST_MODE = True
PRIVATE_MEDIA_ROOT = DATA_DIR / "test-private-media"  # noqa: F405
# Media in folders whatever the environment says; tests/tenants/test_object_storage.py points the
# storages at a real S3 server of its own.
MEDIA_STORAGE = "filesystem"
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "private": {"BACKEND": "tenants.storage.SchemaFolderStorage", "OPTIONS": {"root_setting": "PRIVATE_MEDIA_ROOT"}},
}
