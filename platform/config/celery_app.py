"""The Celery app. Tasks sent from inside a province carry its schema (tenant-schemas-celery)
and run in that schema on the worker; tasks sent from the public schema run there.

Database connections follow Django's rule, as for web requests: after each task a connection is
closed if it is unusable or older than CONN_MAX_AGE, and kept otherwise. Celery's own rule
(switched off by CELERY_DB_REUSE_MAX) closed it around every task, so each delivery paid for a
new PostgreSQL backend and its cold catalogue caches.
"""

import bootstrap

bootstrap.configure()

from celery.signals import task_postrun  # noqa: E402
from django.db import close_old_connections  # noqa: E402
from tenant_schemas_celery.app import CeleryApp  # noqa: E402

app = CeleryApp("bhxh")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_postrun.connect(weak=False, dispatch_uid="close-old-connections")
def _close_old_connections(sender, **kwargs):
    if not getattr(sender.request, "is_eager", False):  # an eager task runs on its caller's connection
        close_old_connections()
