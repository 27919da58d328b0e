"""Flushing adds every counted view to PostgreSQL exactly once, whatever happens to Redis or the flush."""

import pytest
from django.test import override_settings

from tenant_apps.analytics.services import (
    counters_redis,
    flushing_keys,
    move_live_counters_to_flushing,
    record_flushing_hash,
)

from .conftest import browse, counted, flush

pytestmark = pytest.mark.django_db


def test_a_flush_that_died_after_renaming_is_finished_by_the_next_one(hanoi):
    browse(hanoi, "/", times=3)
    with hanoi.context():
        assert len(move_live_counters_to_flushing(hanoi.province.schema_name)) == 1
    browse(hanoi, "/", times=2)  # a new live hash while the old one waits

    assert flush(hanoi) == 5
    assert counted(hanoi) == {"/": 5}
    assert not flushing_keys(hanoi.province.schema_name)


def test_a_flush_that_died_after_writing_to_the_database_is_not_added_again(hanoi):
    browse(hanoi, "/", times=3)
    schema = hanoi.province.schema_name
    with hanoi.context():
        (key,) = move_live_counters_to_flushing(schema)
        assert record_flushing_hash(key) == 3  # committed, but the hash was never deleted
        assert record_flushing_hash(key) == 0
    browse(hanoi, "/")

    assert flush(hanoi) == 1
    assert counted(hanoi) == {"/": 4}


def test_nothing_already_flushed_is_counted_again_after_redis_loses_its_data(hanoi):
    browse(hanoi, "/", times=2)
    flush(hanoi)
    counters_redis().flushdb()
    browse(hanoi, "/")

    flush(hanoi)
    assert counted(hanoi) == {"/": 3}


def test_a_redis_restarted_from_an_older_snapshot_does_not_double_count(hanoi, throwaway_redis):
    with override_settings(ANALYTICS_REDIS_URL=throwaway_redis.url):
        browse(hanoi, "/", times=3)
        throwaway_redis.client().save()  # the snapshot holds the 3 views not yet flushed
        assert flush(hanoi) == 3
        throwaway_redis.stop_without_saving()
        throwaway_redis.start()  # back from the snapshot: the 3 views are in Redis again
        assert throwaway_redis.client().keys("analytics:*")
        browse(hanoi, "/")

        assert flush(hanoi) == 1
    assert counted(hanoi) == {"/": 4}


def test_a_hash_renamed_by_a_concurrent_flush_is_added_once(hanoi):
    browse(hanoi, "/", times=2)
    schema = hanoi.province.schema_name
    with hanoi.context():
        move_live_counters_to_flushing(schema)
        assert move_live_counters_to_flushing(schema) == []
    assert flush(hanoi) == 2
    assert counted(hanoi) == {"/": 2}
