"""Wagtail publishing signals that drive the newsroom.

Central national pages: publishing (again) records the item and marks it pending in every receiving
province, in the publishing transaction (the outbox), then starts the fan-out after commit;
unpublishing or deleting withdraws it everywhere, the same way. Province articles: publishing keeps the central
home page's "Tin từ các địa phương" stream current; unpublishing or deleting removes them from it.
Province copies: no path publishes a copy the centre withdrew (the last guard, before the row is written).
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage
from tenants.schemas import in_public_schema

from .pages.models import NationalDocumentPage, NationalNewsPage
from .services import fanout, local_stream, snapshots, withdrawals
from .tasks import queue_fan_out


@receiver(page_published, sender=NationalNewsPage)
@receiver(page_published, sender=NationalDocumentPage)
def national_item_published(sender, instance, revision=None, **kwargs):
    if not in_public_schema():
        return
    item = snapshots.record_national_publication(instance, revision)
    fanout.mark_item_pending(item.pk)
    transaction.on_commit(partial(queue_fan_out, item.pk))


@receiver(page_unpublished, sender=NationalNewsPage)
@receiver(page_unpublished, sender=NationalDocumentPage)
@receiver(post_delete, sender=NationalNewsPage)
@receiver(post_delete, sender=NationalDocumentPage)
def national_item_withdrawn(sender, instance, **kwargs):
    if not in_public_schema():
        return
    item = snapshots.record_national_withdrawal(instance.pk)
    if item is not None:
        fanout.mark_item_pending(item.pk)
        transaction.on_commit(partial(queue_fan_out, item.pk))


@receiver(page_published, sender=NewsPage)
def local_article_published(sender, instance, **kwargs):
    local_stream.record_local_article(instance)


@receiver(page_unpublished, sender=NewsPage)
@receiver(post_delete, sender=NewsPage)
def local_article_removed(sender, instance, **kwargs):
    local_stream.forget_local_article(instance.pk)


@receiver(pre_save, sender=NewsPage)
@receiver(pre_save, sender=LegalDocumentPage)
def withdrawn_copy_not_published(sender, instance, raw=False, update_fields=None, **kwargs):
    """Workflow approval from the dashboard, scheduled publishing, code: the admin's hooks refuse with a
    message where they can (wagtail_hooks.py); any other publication of a withdrawn copy raises here."""
    if not raw:
        withdrawals.refuse_publishing_withdrawn_copy(instance, update_fields)
