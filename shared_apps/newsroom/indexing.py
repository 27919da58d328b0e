"""Search indexing deferred to the end of a delivery: one index update per object, not one per save.

Creating and publishing a copy saves the page three times (created, revision, published) and Wagtail
re-indexes it after each save (about a third of a delivery's time). Inside `deferred_search_indexing()`
the post-save index updates of the copied types are collected and run once, when the block ends.
Outside it, indexing is exactly Wagtail's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task

_pending: ContextVar[dict | None] = ContextVar("newsroom_pending_index_updates", default=None)


def _post_save(sender, instance, **kwargs):
    pending = _pending.get()
    if pending is None or kwargs.get("raw", False):
        post_save_signal_handler(instance, **kwargs)
    else:
        pending[(instance._meta.app_label, instance._meta.model_name, str(instance.pk))] = True


def make_indexing_deferrable(*models) -> None:
    """Route these models' post-save index updates through `_post_save` (called once, at start-up)."""
    for model in models:
        if post_save.disconnect(post_save_signal_handler, sender=model):
            post_save.connect(_post_save, sender=model, dispatch_uid=f"newsroom-index-{model._meta.label_lower}")


@contextmanager
def deferred_search_indexing() -> Iterator[None]:
    """Collect index updates in this block; run each once if it succeeds (nothing if it raises)."""
    pending: dict = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for app_label, model_name, pk in pending:
        insert_or_update_object_task.enqueue(app_label, model_name, pk)
