"""The page editor as a board member meets it: no autosave draft that later blocks saving, and
every refusal in Vietnamese."""

import pytest

from tenant_apps.news.models import NewsCategory, NewsIndexPage
from tests.factories import NewsPageFactory
from tests.factories.form_data import NEWS_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_form(hanoi):
    with hanoi.context():
        category = NewsCategory.objects.get(slug="tin-dia-phuong")
        return NewsIndexPage.objects.get().pk, {**NEWS_FORM, "category": str(category.pk)}


def test_the_editor_of_a_new_article_does_not_autosave(hanoi, board, news_form):
    """Wagtail 8's autosave made a draft page mid-edit; a later save from the same form then met the
    draft's slug ("already in use") and could not go through."""
    news_index, _ = news_form
    html = hanoi.signed_in_client("bien-tap-vien").get(f"/admin/pages/add/news/newspage/{news_index}/").content
    assert b"data-w-autosave-interval-value" not in html  # the form's autosave controller


def test_the_editor_of_an_existing_article_does_not_autosave(hanoi, board):
    with hanoi.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get())
    html = hanoi.signed_in_client("bien-tap-vien").get(f"/admin/pages/{article.pk}/edit/").content
    assert b"data-w-autosave-interval-value" not in html  # the form's autosave controller


def test_a_slug_already_taken_is_refused_in_vietnamese(hanoi, board, news_form):
    news_index, form = news_form
    with hanoi.context():
        NewsPageFactory(parent=NewsIndexPage.objects.get(), slug=form["slug"])
    html = (
        hanoi.signed_in_client("bien-tap-vien")
        .post(f"/admin/pages/add/news/newspage/{news_index}/", {**form, "action-submit": "action-submit"})
        .content.decode()
    )
    assert "đã được dùng trong trang cha" in html


def test_a_missing_title_and_summary_are_refused_in_vietnamese(hanoi, board, news_form):
    news_index, form = news_form
    html = (
        hanoi.signed_in_client("bien-tap-vien")
        .post(f"/admin/pages/add/news/newspage/{news_index}/", {**form, "title": "", "summary": ""})
        .content.decode()
    )
    assert "Trường này là bắt buộc." in html
