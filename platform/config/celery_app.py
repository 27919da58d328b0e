"""The Celery app. Tasks sent from inside a province carry its schema (tenant-schemas-celery)
and run in that schema on the worker; tasks sent from the public schema run there."""

import bootstrap

bootstrap.configure()

from tenant_schemas_celery.app import CeleryApp  # noqa: E402

app = CeleryApp("bhxh")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
