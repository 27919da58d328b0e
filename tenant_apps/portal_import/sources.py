"""Where the old portal's pages come from: the live site, a saved crawl (WARC) or a folder of pages.

Each source answers `host` (the old portal's host), `seeds()` (where a run starts), `fetch(url)`
(a `Fetched`, or `Unavailable` with the reason) and `follows_links` (whether links found in pages
are worth queueing: on the live site yes; in an archive only what it holds exists).
"""

from __future__ import annotations

import mimetypes
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import lxml.etree
import requests
from warcio.archiveiterator import ArchiveIterator

from .extraction import canonical_url

USER_AGENT = "BHXH-portal-importer/1.0 (+https://baohiemxahoi.gov.vn)"
MAX_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 20


class Unavailable(Exception):
    """The URL cannot be read; the message is the reason in the report."""


@dataclass
class Fetched:
    url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = (header or "").partition(";")
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in params.split(";") if "charset=" in p), None)
    return kind.strip().lower(), charset


def urls_in_sitemap_or_feed(content: bytes) -> list[str]:
    """<loc> of a sitemap (or sitemap index), <link> of RSS items, href of Atom entries."""
    try:
        root = lxml.etree.fromstring(content, parser=lxml.etree.XMLParser(recover=True, resolve_entities=False))
    except lxml.etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    found = root.xpath("//*[local-name()='loc' or (local-name()='link' and parent::item)]/text()")
    found += root.xpath("//*[local-name()='entry']/*[local-name()='link']/@href")
    return [canonical_url(url) for url in found if url.strip()]


class LiveSite:
    """The old portal on the web, read politely: robots.txt obeyed, one request per `delay` seconds."""

    follows_links = True

    def __init__(self, base_url: str, delay: float):
        self.base_url = canonical_url(base_url)
        self.host = urlsplit(self.base_url).netloc
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.delay = delay
        self._last_request = 0.0
        self.robots = RobotFileParser()
        robots_url = urljoin(self.base_url, "/robots.txt")
        try:
            answer = self._get(robots_url)
            lines = answer.content.decode("utf-8", "replace").splitlines() if answer.status_code == 200 else []
        except requests.RequestException:
            lines = []
        self.robots.parse(lines)
        self.delay = max(delay, float(self.robots.crawl_delay(USER_AGENT) or 0))

    def _get(self, url: str) -> requests.Response:
        wait = self._last_request + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            answer = self.session.get(url, timeout=TIMEOUT_SECONDS)
        finally:
            self._last_request = time.monotonic()
        if len(answer.content) > MAX_BYTES:
            raise Unavailable("Tệp lớn quá 20 MB")
        return answer

    def seeds(self) -> list[str]:
        found = [self.base_url]
        sitemaps = self.robots.site_maps() or [urljoin(self.base_url, "/sitemap.xml")]
        while sitemaps:
            try:
                fetched = self.fetch(canonical_url(sitemaps.pop()))
            except Unavailable:
                continue
            for url in urls_in_sitemap_or_feed(fetched.content):
                (sitemaps if url.endswith(".xml") and "sitemap" in url else found).append(url)
        return found

    def fetch(self, url: str) -> Fetched:
        if urlsplit(url).netloc != self.host:
            raise Unavailable("Ngoài tên miền của cổng cũ")
        if not self.robots.can_fetch(USER_AGENT, url):
            raise Unavailable("robots.txt không cho phép")
        try:
            answer = self._get(url)
        except requests.RequestException as error:
            raise Unavailable(f"Không tải được: {type(error).__name__}") from error
        kind, charset = _content_type(answer.headers.get("Content-Type", ""))
        return Fetched(canonical_url(answer.url), answer.status_code, kind, charset, answer.content)


class WarcArchive:
    """A saved crawl: every response record, found by URL through an index built once."""

    follows_links = False

    def __init__(self, path: Path):
        self.path = path
        self.offsets: dict[str, int] = {}
        self.html: list[str] = []
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response":
                    continue
                url = canonical_url(record.rec_headers.get_header("WARC-Target-URI"))
                self.offsets.setdefault(url, records.get_record_offset())
                if record.http_headers and "html" in (record.http_headers.get_header("Content-Type") or ""):
                    self.html.append(url)
        self.host = urlsplit(self.html[0]).netloc if self.html else ""

    def seeds(self) -> list[str]:
        return self.html

    def fetch(self, url: str) -> Fetched:
        if url not in self.offsets:
            raise Unavailable("Không có trong bản lưu")
        with self.path.open("rb") as stream:
            stream.seek(self.offsets[url])
            record = next(iter(ArchiveIterator(stream)))
            kind, charset = _content_type(record.http_headers.get_header("Content-Type", ""))
            status = int(record.http_headers.get_statuscode() or 200)
            return Fetched(url, status, kind, charset, record.content_stream().read())


class SavedFolder:
    """Pages saved as files: <folder>/tin-tuc/a.html was <base_url>/tin-tuc/a.html."""

    follows_links = False

    def __init__(self, folder: Path, base_url: str):
        self.folder = folder.resolve()
        self.base_url = canonical_url(base_url)
        self.host = urlsplit(self.base_url).netloc

    def _url(self, path: Path) -> str:
        return canonical_url(urljoin(self.base_url, path.relative_to(self.folder).as_posix()))

    def seeds(self) -> list[str]:
        return sorted(self._url(path) for path in self.folder.rglob("*") if path.suffix.lower() in (".html", ".htm"))

    def fetch(self, url: str) -> Fetched:
        parts = urlsplit(url)
        if parts.netloc != self.host or parts.query:
            raise Unavailable("Không có trong thư mục đã lưu")
        path = (self.folder / parts.path.lstrip("/")).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or not path.is_relative_to(self.folder):
            raise Unavailable("Không có trong thư mục đã lưu")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return Fetched(url, 200, kind, None, path.read_bytes())


def open_source(source: str, *, base_url: str = "", delay: float = 1.0):
    """The source a run reads: a live site (http/https), a WARC file or a folder of saved pages."""
    if source.startswith(("http://", "https://")):
        return LiveSite(source, delay)
    path = Path(source)
    if path.is_file() and (path.name.endswith((".warc", ".warc.gz"))):
        return WarcArchive(path)
    if path.is_dir():
        if not base_url:
            raise Unavailable("Thư mục trang đã lưu cần địa chỉ gốc của cổng cũ (--base-url)")
        return SavedFolder(path, base_url)
    raise Unavailable(f"Không đọc được nguồn «{source}»: không phải địa chỉ web, tệp WARC hay thư mục")
