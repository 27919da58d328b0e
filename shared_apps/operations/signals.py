"""Receivers: forget the cached maintenance windows when one changes; count Celery task outcomes."""

from celery.signals import task_failure, task_retry, task_success
from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tenants.middleware import forget_cached_tenants

from .metrics import count_task
from .models import MaintenanceWindow


@receiver([post_save, post_delete], sender=MaintenanceWindow)
def forget_windows_on_change(**kwargs):
    """Workers keep the windows under the tenant generation (selectors.py)."""
    forget_cached_tenants()


def _counter(outcome: str):
    def receive(sender=None, **kwargs):
        # Sent before tenant-schemas-celery restores the schema (task_postrun): still the task's own.
        count_task(sender.name, connection.schema_name, outcome)

    return receive


count_success = _counter("succeeded")
count_failure = _counter("failed")
count_retry = _counter("retried")
task_success.connect(count_success, weak=False, dispatch_uid="operations_count_success")
task_failure.connect(count_failure, weak=False, dispatch_uid="operations_count_failure")
task_retry.connect(count_retry, weak=False, dispatch_uid="operations_count_retry")
