"""URLs of every host: the Wagtail admin and the public site of the schema the host belongs to."""

from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from shared_apps.newsroom.feeds import NationalNewsAtomFeed, NationalNewsFeed
from shared_apps.operations.health import health_view
from shared_apps.operations.metrics import metrics_view
from tenant_apps.documents.feeds import DocumentAtomFeed, DocumentFeed
from tenant_apps.editorial.views import AcceptInvitationView
from tenant_apps.feedback.views import rate_page
from tenant_apps.news.feeds import NewsAtomFeed, NewsFeed
from tenant_apps.online_services.views import private_file, receipt, status_lookup
from tenant_apps.pages.sitemaps import RequestHostSitemap
from tenant_apps.pages.views import favicon, robots_txt, set_text_size
from tenant_apps.search.views import search
from tenants.views import tenant_media

handler500 = "shared_apps.operations.errors.server_error"

urlpatterns = [
    # Operations, the same on every host: monitors and Prometheus (shared_apps/operations).
    path("healthz/", health_view, name="healthz"),
    path("metrics", metrics_view, name="metrics"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": RequestHostSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("tim-kiem/", search, name="search"),
    path("captcha/", include("captcha.urls")),
    path("danh-gia/", rate_page, name="rate_page"),
    path("co-chu/<str:size>/", set_text_size, name="set_text_size"),
    path("loi-moi/<uidb64>/<token>/", AcceptInvitationView.as_view(), name="accept_invitation"),
    path("rss/tin-tuc/", NewsFeed(), name="news_rss"),
    path("atom/tin-tuc/", NewsAtomFeed(), name="news_atom"),
    path("rss/tin-tuc/<slug:slug>/", NewsFeed(), name="news_category_rss"),
    path("atom/tin-tuc/<slug:slug>/", NewsAtomFeed(), name="news_category_atom"),
    path("rss/van-ban/", DocumentFeed(), name="documents_rss"),
    path("rss/tin-toan-nganh/", NationalNewsFeed(), name="national_news_rss"),
    path("atom/tin-toan-nganh/", NationalNewsAtomFeed(), name="national_news_atom"),
    path("atom/van-ban/", DocumentAtomFeed(), name="documents_atom"),
    path("tra-cuu-dich-vu-cong/", status_lookup, name="online_services_lookup"),
    path("bien-nhan/<str:token>/", receipt, name="online_services_receipt"),
    path("tep-dich-vu-cong/<uuid:key>/", private_file, name="online_services_file"),
    re_path(r"^media/(?P<schema>[a-z0-9_]+)/(?P<path>.+)$", tenant_media, name="tenant_media"),
    path("", include(wagtail_urls)),
]
