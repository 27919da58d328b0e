"""The database backend keeps content types cached across province switches; their ids are shared."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenant_apps.news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_switching_province_keeps_the_content_type_cache_and_ids_are_the_same_in_every_schema(hanoi, hcm):
    with hanoi.context():
        in_hanoi = ContentType.objects.get_for_model(NewsPage)
    with hcm.context():
        with CaptureQueriesContext(connection) as queries:
            assert ContentType.objects.get_for_model(NewsPage) == in_hanoi
        assert not [query for query in queries if "django_content_type" in query["sql"]]
        ContentType.objects.clear_cache()
        assert ContentType.objects.get_for_model(NewsPage).pk == in_hanoi.pk  # read from the one shared table
