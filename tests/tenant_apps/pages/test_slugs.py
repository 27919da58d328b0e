"""Page addresses are plain ASCII whatever is typed or generated: "Đà Nẵng" -> "da-nang"."""

import pytest

from tenant_apps.home.models import HomePage
from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage
from tenant_apps.pages.slugs import vietnamese_slug
from tests.factories import ContentPageFactory
from tests.tenant_apps.editorial.test_roles import NEWS_FORM

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Hà Nội tập huấn", "ha-noi-tap-huan"), ("Đà Nẵng", "da-nang"), ("Luật số 41/2024/QH15", "luat-so-41-2024-qh15")],
)
def test_a_vietnamese_title_becomes_an_ascii_slug(title, slug):
    assert vietnamese_slug(title) == slug


def _add_news(site, title: str, slug: str):
    with site.context():
        news_index = NewsIndexPage.objects.get()
        category = NewsCategory.objects.get(slug="tin-dia-phuong")
    form = {**NEWS_FORM, "title": title, "slug": slug, "category": str(category.pk)}
    return site.signed_in_client().post(f"/admin/pages/add/news/newspage/{news_index.pk}/", form)


def test_a_typed_slug_with_diacritics_is_folded_rather_than_refused(hanoi):
    assert _add_news(hanoi, "Tin Hà Nội", "hà-nội").status_code == 302
    with hanoi.context():
        assert NewsPage.objects.get(title="Tin Hà Nội").url.endswith("/ha-noi/")


def test_pages_made_in_code_and_their_copies_get_ascii_slugs_unique_among_siblings(hanoi):
    with hanoi.context():
        first = ContentPageFactory(parent=HomePage.objects.get(), title="Đường dây nóng", slug="")
        copy = first.copy(update_attrs={"title": "Đường dây nóng", "slug": "đường-dây-nóng"})
        assert [first.slug, copy.slug] == ["duong-day-nong", "duong-day-nong-1"]


def test_the_slug_field_of_page_forms_folds_vietnamese_letters_in_the_browser(hanoi):
    with hanoi.context():
        news_index = NewsIndexPage.objects.get()
    form = hanoi.signed_in_client().get(f"/admin/pages/add/news/newspage/{news_index.pk}/").content.decode()
    assert "data-w-slug-formatters-value" in form
