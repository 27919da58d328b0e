"""URLs of every host: the Wagtail admin and the public site of the schema the host belongs to."""

from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from tenant_apps.documents.feeds import DocumentAtomFeed, DocumentFeed
from tenant_apps.news.feeds import NewsAtomFeed, NewsFeed
from tenant_apps.pages.views import robots_txt, set_text_size
from tenant_apps.search.views import search
from tenants.views import tenant_media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("tim-kiem/", search, name="search"),
    path("co-chu/<str:size>/", set_text_size, name="set_text_size"),
    path("rss/tin-tuc/", NewsFeed(), name="news_rss"),
    path("atom/tin-tuc/", NewsAtomFeed(), name="news_atom"),
    path("rss/tin-tuc/<slug:slug>/", NewsFeed(), name="news_category_rss"),
    path("atom/tin-tuc/<slug:slug>/", NewsAtomFeed(), name="news_category_atom"),
    path("rss/van-ban/", DocumentFeed(), name="documents_rss"),
    path("atom/van-ban/", DocumentAtomFeed(), name="documents_atom"),
    re_path(r"^media/(?P<schema>[a-z0-9_]+)/(?P<path>.+)$", tenant_media, name="tenant_media"),
    path("", include(wagtail_urls)),
]
