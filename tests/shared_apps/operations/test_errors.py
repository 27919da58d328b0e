"""Unhandled errors: a database out of reach (a failover, a restart) is a 503 to retry, anything else a 500."""

import pytest
from django.core.handlers.exception import response_for_exception
from django.db import OperationalError, connections
from django.test import RequestFactory


@pytest.fixture
def unreachable_database(django_db_blocker):
    """A real connection to a PostgreSQL port where nothing listens, as while the primary is down."""
    wrapper = connections.create_connection("default")
    wrapper.settings_dict = {**wrapper.settings_dict, "HOST": "127.0.0.1", "PORT": "1"}
    with django_db_blocker.unblock():  # it never reaches a database: there is none there
        yield wrapper
    wrapper.close()


def answer_to(error_source):
    """Django's own answer (handler500 from config.urls) to the error `error_source()` raises."""
    request = RequestFactory(HTTP_HOST="hanoi.localhost").get("/tin-tuc/")
    try:
        error_source()
    except Exception as error:  # Django handles any error the same way: that is under test
        return response_for_exception(request, error)
    raise AssertionError("no error was raised")


def test_a_database_out_of_reach_is_a_503(unreachable_database):
    with pytest.raises(OperationalError):  # the error really comes from the database layer
        unreachable_database.ensure_connection()

    assert answer_to(unreachable_database.ensure_connection).status_code == 503


def test_a_database_out_of_reach_says_when_to_try_again(unreachable_database):
    assert answer_to(unreachable_database.ensure_connection)["Retry-After"] == "15"


def test_a_database_out_of_reach_is_never_cached(unreachable_database):
    assert answer_to(unreachable_database.ensure_connection)["Cache-Control"] == "no-store"


def test_a_database_out_of_reach_tells_the_citizen_in_vietnamese_to_reload(unreachable_database):
    page = answer_to(unreachable_database.ensure_connection).content.decode()

    assert "Vui lòng tải lại trang sau khoảng 15 giây" in page


def test_any_other_error_is_still_a_500():
    def broken_view():
        raise ValueError("a bug")

    assert answer_to(broken_view).status_code == 500
