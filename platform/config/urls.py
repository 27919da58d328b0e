"""URLs of every host: the Wagtail admin and the public site of the schema the host belongs to."""

from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from tenants.views import tenant_media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    re_path(r"^media/(?P<schema>[a-z0-9_]+)/(?P<path>.+)$", tenant_media, name="tenant_media"),
    path("", include(wagtail_urls)),
]
