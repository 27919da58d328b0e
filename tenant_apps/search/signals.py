"""Every text value our apps and Wagtail's pages save is stored NFC-normalised; what a citizen can
find is indexed when it is saved and leaves the index when it is deleted (pages take their entries
with them through the foreign key)."""

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page

from .indexing import index_office, index_page, index_question, save_entry
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


@receiver(post_save)
def index_saved_page(sender, instance, raw=False, update_fields=None, **kwargs):
    """Index a page as its row now stands (a draft revision saves the row's own fields only)."""
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None or type(instance) is Page:
        instance = Page.objects.filter(pk=instance.pk).specific().first()
        if instance is None:
            return
    index_page(instance)


@receiver(post_save, sender="qa.Question")
def index_saved_question(sender, instance, raw=False, **kwargs):
    if not raw:
        index_question(instance)


@receiver(post_save, sender="offices.Office")
def index_saved_office(sender, instance, raw=False, **kwargs):
    if not raw:
        index_office(instance)


@receiver(post_delete, sender="qa.Question")
def unindex_question(sender, instance, **kwargs):
    save_entry(f"question:{instance.pk}", None)


@receiver(post_delete, sender="offices.Office")
def unindex_office(sender, instance, **kwargs):
    save_entry(f"office:{instance.pk}", None)
