"""The sitemap on the host and port it was asked on.

Wagtail writes each location from the Site record's root URL, whose port is 80 in the demo while
`make run` serves :8000 (and `make stack` :8080): the locations would point to no server.
"""

from wagtail.contrib.sitemaps import Sitemap


class RequestHostSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site_root = self.get_wagtail_site().root_url
        request_root = f"{self.request.scheme}://{self.request.get_host()}"
        for url in urls:
            if url["location"].startswith(site_root):
                url["location"] = request_root + url["location"][len(site_root) :]
        return urls
