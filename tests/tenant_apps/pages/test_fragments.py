"""Cached parts of public pages (menu, breadcrumbs, home sections): fresh after every change, per province."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage
from tenant_apps.pages import fragments
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def _home(site) -> str:
    return site.client().get("/").content.decode()


def test_a_published_article_reaches_the_cached_home_page_at_once(hanoi):
    assert "Tin vừa đăng" not in _home(hanoi)  # the sections are now cached
    with hanoi.context():
        NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin vừa đăng", slug="tin-vua-dang")
    assert "Tin vừa đăng" in _home(hanoi)


def test_a_withdrawn_article_leaves_the_cached_home_page_at_once(hanoi):
    with hanoi.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin sắp gỡ")
    assert "Tin sắp gỡ" in _home(hanoi)
    with hanoi.context():
        NewsPage.objects.get(pk=article.pk).unpublish()
    assert "Tin sắp gỡ" not in _home(hanoi)


def test_a_renamed_category_and_an_edited_office_address_show_on_the_cached_home_page(hanoi):
    with hanoi.context():
        category = NewsCategory.objects.create(name="Chính sách", slug="chinh-sach-moi")
        NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin có chuyên mục", category=category)
    assert "Chính sách" in _home(hanoi)
    with hanoi.context():
        category.name = "Chính sách mới"
        category.save()
    province = hanoi.province
    province.address = "Số 9 phố Trần Hưng Đạo, Hà Nội"
    province.save()
    html = _home(hanoi)
    assert "Chính sách mới" in html and "Số 9 phố Trần Hưng Đạo, Hà Nội" in html


def test_a_new_menu_section_and_a_renamed_section_show_in_the_cached_menu_and_breadcrumbs(hanoi):
    with hanoi.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get(), slug="tin-co-vi-tri")
    path = article.url_path.split("/", 2)[2]
    assert ">Tin tức</a>" in hanoi.client().get(f"/{path}").content.decode()
    with hanoi.context():
        home = Page.objects.get(depth=2)
        home.add_child(instance=Page(title="Chuyên mục mới", slug="chuyen-muc-moi", show_in_menus=True))
        index = NewsIndexPage.objects.get()
        index.title = "Tin tức – sự kiện"
        index.save_revision().publish()
    assert "Chuyên mục mới" in _home(hanoi)
    assert ">Tin tức – sự kiện</a>" in hanoi.client().get(f"/{path}").content.decode()


def test_a_change_in_one_province_keeps_the_other_provinces_fragments(hanoi, hcm):
    _home(hanoi), _home(hcm)
    with hcm.context():
        hcm_version = fragments.content_version()
    with hanoi.context():
        hanoi_version = fragments.content_version()
        NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Chỉ của Hà Nội")
        assert fragments.content_version() > hanoi_version
    with hcm.context():
        assert fragments.content_version() == hcm_version
    assert "Chỉ của Hà Nội" in _home(hanoi)
    assert "Chỉ của Hà Nội" not in _home(hcm)


def test_each_province_keeps_its_own_fragments_under_its_schema(hanoi, hcm):
    _home(hanoi), _home(hcm)
    keys = [key.decode() for key in cache.client.get_client().keys("*:fragment:home:*")]
    assert sorted(key.split(":")[0] for key in keys) == sorted([hanoi.province.schema_name, hcm.province.schema_name])


def test_the_version_is_bumped_again_when_the_transaction_commits(hanoi, django_capture_on_commit_callbacks):
    with hanoi.context():
        before = fragments.content_version()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            fragments.content_changed()
        assert len(callbacks) == 1
        assert fragments.content_version() == before + 2


def test_the_home_page_runs_the_same_few_queries_however_much_it_shows(hanoi):
    browser = hanoi.client()
    browser.get("/")
    with CaptureQueriesContext(connection) as few:
        browser.get("/")
    with hanoi.context():
        for number in range(8):
            NewsPageFactory(parent=NewsIndexPage.objects.get(), title=f"Tin số {number}")
    browser.get("/")
    with CaptureQueriesContext(connection) as more:
        assert "Tin số 7" in browser.get("/").content.decode()
    assert len(few) == len(more) <= 5


def test_a_site_moved_to_another_root_page_is_served_from_the_new_root_at_once(hanoi):
    browser = hanoi.client()
    assert browser.get("/").status_code == 200
    with hanoi.context():
        site = Site.objects.get(is_default_site=True)
        old_root = site.root_page
        new_root = old_root.add_sibling(instance=Page(title="Trang chủ tạm", slug="trang-chu-tam"))
        site.root_page = new_root
        site.save()
    assert "Trang chủ tạm" in browser.get("/").content.decode()


def test_versions_restart_above_the_old_ones_when_redis_is_emptied(hanoi):
    with hanoi.context():
        before = fragments.content_version()
        cache.clear()  # Redis restarted without its data: workers still hold values per old version
        assert fragments.content_version() > before


def test_a_page_made_private_after_being_viewed_is_refused_at_once_and_public_again_when_freed(hanoi):
    from wagtail.models import PageViewRestriction

    with hanoi.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get(), slug="tin-noi-bo", title="Tin nội bộ")
    url = "/" + article.url_path.split("/", 2)[2]
    browser = hanoi.client()
    assert browser.get(url).status_code == 200  # its (no) restrictions are now kept by the worker
    with hanoi.context():
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-noi-bo"
        )
    html = browser.get(url).content.decode()
    assert 'name="password"' in html and "<h1>Tin nội bộ</h1>" not in html
    with hanoi.context():
        restriction.delete()
    assert browser.get(url).status_code == 200 and 'name="password"' not in browser.get(url).content.decode()
