"""Every text value our apps and Wagtail's pages save is stored NFC-normalised."""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

from .text import normalise

OWN_APPS = ("tenant_apps.", "shared_apps.", "tenants.")


@receiver(pre_save)
def normalise_text_fields(sender, instance, raw=False, **kwargs):
    if raw or not sender.__module__.startswith(OWN_APPS):
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, normalise(value))
