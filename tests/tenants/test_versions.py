"""Version counters: what workers keep under them is never stale, with Redis emptied or unreachable."""

import pytest
from django.test import RequestFactory

from tenants.models import PendingVersionBump
from tenants.tasks import apply_pending_version_bumps
from tenants.versions import Counter

pytestmark = pytest.mark.django_db

COUNTER = Counter("thu-nghiem", per_schema=True)


def _kept(computed: list) -> object:
    """A value kept in memory per request, counting how often it was computed."""
    return COUNTER.cached(RequestFactory().get("/"), "gia-tri", lambda: computed.append(1) or len(computed))


def test_a_value_is_computed_once_per_counter_value_and_again_after_a_bump():
    computed = []
    assert _kept(computed) == _kept(computed) == 1
    COUNTER.bump()
    assert _kept(computed) == 2


def test_nothing_is_kept_in_memory_while_redis_is_unreachable(stoppable_redis):
    computed = []
    _kept(computed)
    stoppable_redis.stop()
    request = RequestFactory().get("/")
    assert COUNTER.value(request) is None
    assert [_kept(computed), _kept(computed)] == [2, 3]


def test_a_bump_redis_missed_is_recorded_and_made_by_the_periodic_sweep_once_it_is_back(stoppable_redis):
    before = COUNTER.value()
    stoppable_redis.stop()
    COUNTER.bump()  # an editor's save: no error
    assert PendingVersionBump.objects.filter(key=COUNTER.key()).count() == 1

    stoppable_redis.start()  # with the old value
    assert apply_pending_version_bumps() == 1
    assert not PendingVersionBump.objects.exists()
    assert COUNTER.value() > before


def test_a_process_that_saw_redis_fail_makes_the_missed_bumps_at_its_next_read(stoppable_redis):
    before = COUNTER.value()
    stoppable_redis.stop()
    COUNTER.bump()
    assert COUNTER.value() is None
    stoppable_redis.start()
    assert COUNTER.value() > before
    assert not PendingVersionBump.objects.exists()
