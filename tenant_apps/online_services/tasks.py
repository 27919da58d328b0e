"""Celery tasks of online services: thin wrappers around the services."""

from celery import shared_task

from .services import erase_expired_personal_data


@shared_task(name="tenant_apps.online_services.tasks.erase_expired_personal_data")
def erase_expired_personal_data_task() -> int:
    """Daily, in one province: erase the personal data of requests closed longer than the retention period."""
    return erase_expired_personal_data()
