"""GET /healthz/: database, cache (Redis), a Celery worker and the two file folders, as JSON for monitors.

The answer is the same on every host and names neither a province nor a server: each check says
"ok" or the kind of failure; the details go to the log (logger "health_check").
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.files.storage import Storage as DjangoStorage
from django.http import JsonResponse
from health_check.checks import Cache, Database, Storage
from health_check.contrib.celery import Ping
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from config.celery_app import app
from tenants.storage import PRIVATE_STORAGE_ALIAS, uses_folders


@dataclasses.dataclass
class FolderStorage(Storage):
    """Writes, reads and deletes a file in the folder a setting names (MEDIA_ROOT, PRIVATE_MEDIA_ROOT):
    a full or read-only disk turns this red before citizens' uploads fail on it. With MEDIA_STORAGE=s3,
    in the bucket of the storage `alias` instead (an unreachable server or a refused key turns it red)."""

    setting: str = "MEDIA_ROOT"
    alias: str = "default"

    @property
    def storage(self) -> DjangoStorage:
        configured = storages[self.alias]
        if not uses_folders(configured):
            return configured
        return FileSystemStorage(location=getattr(settings, self.setting))

    def run(self):
        try:
            super().run()
        except OSError as error:
            raise ServiceUnavailable(f"{self.setting} cannot be written") from error
        except Exception as error:
            if not type(error).__module__.startswith("botocore"):  # boto3 is imported only with MEDIA_STORAGE=s3
                raise
            raise ServiceUnavailable(f"The bucket of the {self.alias!r} storage cannot be written") from error


class HealthView(HealthCheckView):
    names = ("database", "cache", "celery", "media", "private_media")
    checks = (
        Database,
        Cache,
        # A real ping through the broker; a worker that does not answer in time counts as down.
        (Ping, {"app": app, "timeout": datetime.timedelta(seconds=settings.HEALTH_CELERY_PING_SECONDS)}),
        (FolderStorage, {"setting": "MEDIA_ROOT", "alias": "default"}),
        (FolderStorage, {"setting": "PRIVATE_MEDIA_ROOT", "alias": PRIVATE_STORAGE_ALIAS}),
    )

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(*(check.get_result(executor) for check in self.get_checks()))
        states = {
            name: result.error.message_type.lower() if result.error else "ok"
            for name, result in zip(self.names, results, strict=True)
        }
        healthy = all(state == "ok" for state in states.values())
        return JsonResponse({"status": "ok" if healthy else "error", "checks": states}, status=200 if healthy else 503)


health_view = HealthView.as_view()
