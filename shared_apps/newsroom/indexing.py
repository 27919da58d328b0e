"""Search indexing deferred to the end of a delivery: one index update per object, not one per save
(and one per model for the objects of a batch, as a portal import writes them).

A delivery may save the copy more than once (created, then given its revision) and Wagtail
re-indexes it after each save. Inside `deferred_search_indexing()` the post-save index updates of
the copied types are collected and run once, when the block ends, on the object loaded through
its model's `get_indexed_objects()` (with what its search fields read, e.g. an article's tags,
where Wagtail's task loads the bare object). Outside the block, indexing is exactly Wagtail's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.index import insert_or_update_object
from modelsearch.signal_handlers import post_save_signal_handler

_pending: ContextVar[dict | None] = ContextVar("newsroom_pending_index_updates", default=None)


def _post_save(sender, instance, **kwargs):
    pending = _pending.get()
    if pending is None or kwargs.get("raw", False):
        post_save_signal_handler(instance, **kwargs)
    else:
        pending[(type(instance), instance.pk)] = True


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
    by_model: dict[type, list] = {}
    for model, pk in pending:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        if len(pks) == 1:
            if instance := model.get_indexed_objects().filter(pk=pks[0]).first():
                insert_or_update_object(instance)
            continue
        # Many objects of one model (a batch of imported pages): one statement per backend for them all.
        if instances := list(model.get_indexed_objects().filter(pk__in=pks)):
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, instances)
