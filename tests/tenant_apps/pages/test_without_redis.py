"""With Redis unreachable the sites still serve and editors still save; nothing stale survives it."""

import pytest
from django.urls import reverse

from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory
from tests.tenant_apps.editorial.test_roles import NEWS_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(hanoi):
    with hanoi.context():
        return NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin trước sự cố", slug="tin-truoc-su-co")


def _path(page) -> str:
    return "/" + page.url_path.split("/", 2)[2]


def test_public_pages_and_the_admin_dashboard_answer_while_redis_is_down(hanoi, article, stoppable_redis):
    visitor, editor = hanoi.client(), hanoi.signed_in_client()
    pages = ["/", _path(article), "/tim-kiem/?q=luong+huu"]
    for path in pages:
        assert visitor.get(path).status_code == 200  # caches filled
    stoppable_redis.stop()

    for path in pages:
        assert visitor.get(path).status_code == 200
    assert "Tin trước sự cố" in visitor.get("/").content.decode()
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_page_rendered_while_redis_is_down_is_never_kept_downstream(hanoi, stoppable_redis):
    visitor = hanoi.client()
    assert not visitor.get("/").has_header("Cache-Control")
    stoppable_redis.stop()
    assert "no-store" in visitor.get("/")["Cache-Control"]
    assert "no-store" in visitor.get("/tim-kiem/?q=luong+huu")["Cache-Control"]


def test_an_article_edited_while_redis_is_down_shows_on_the_home_page_once_it_is_back(hanoi, article, stoppable_redis):
    visitor, editor = hanoi.client(), hanoi.signed_in_client()
    assert "Tin trước sự cố" in visitor.get("/").content.decode()  # the home page's lists are cached
    stoppable_redis.stop()

    form = {**NEWS_FORM, "title": "Tin sửa trong sự cố", "slug": "tin-truoc-su-co", "action-publish": "action-publish"}
    with hanoi.context():
        form["category"] = str(article.category_id or "")
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), form)
    assert response.status_code == 302
    with hanoi.context():
        assert NewsPage.objects.get(pk=article.pk).title == "Tin sửa trong sự cố"
    assert "Tin sửa trong sự cố" in visitor.get("/").content.decode()

    stoppable_redis.start()  # with the fragments it held before the outage
    html = visitor.get("/").content.decode()
    assert "Tin sửa trong sự cố" in html and "Tin trước sự cố" not in html
