"""An old provincial portal to import: generated pages in a Vietnamese government layout, served locally.

`OldPortal(news=…, documents=…, questions=…)` builds every response on demand (header, menu,
breadcrumbs, footer; articles with a dated byline, summary, body, captioned images and relative
links; "Văn bản" pages with their metadata table and PDF/DOCX attachments; a Q&A list and its
answers; plain pages; listings with pagination), plus what real portals get wrong: a page that
answers 500, truncated HTML, a page in windows-1258, one whose header declares the wrong charset,
one in NFD, duplicate URLs (`?print=1`, `#top`), a folder that robots.txt disallows, a sitemap and
an RSS feed. `serve()` runs it on 127.0.0.1 with `http.server`; `write_folder()` and `write_warc()`
save it as the two offline sources. Nothing is committed to the repository: it is all generated.
"""

from __future__ import annotations

import datetime
import io
import threading
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image

OFFICE = "Bảo hiểm xã hội tỉnh Mẫu Sơn"
CATEGORIES = [
    ("hoat-dong-nganh", "Hoạt động ngành"),
    ("chinh-sach-moi", "Chính sách mới"),
    ("tin-dia-phuong", "Tin địa phương"),
]
DOC_TYPES = ["Quyết định", "Công văn", "Thông báo", "Kế hoạch", "Hướng dẫn"]
QA_TOPICS = ["BHXH bắt buộc", "BHYT", "BHXH tự nguyện", "Bảo hiểm thất nghiệp"]
PLAIN_PAGES = [
    ("gioi-thieu/chuc-nang-nhiem-vu.html", "Chức năng, nhiệm vụ"),
    ("gioi-thieu/co-cau-to-chuc.html", "Cơ cấu tổ chức"),
    ("gioi-thieu/lich-su.html", "Lịch sử hình thành"),
]
PARAGRAPH = (
    "Thực hiện chỉ đạo của Bảo hiểm xã hội Việt Nam, trong tháng qua {office} đã tập trung triển khai "
    "nhiều giải pháp đồng bộ nhằm phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế, bảo đảm quyền "
    "lợi cho người lao động và người dân trên địa bàn; số {n} trong loạt bài về chính sách an sinh xã hội."
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PER_LISTING = 20


TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def windows_1258(text: str) -> bytes:
    """Text as legacy Vietnamese Windows software wrote it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            marks = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in marks if c not in TONE_MARKS))
            out += (base + "".join(c for c in marks if c in TONE_MARKS)).encode("cp1258")
    return bytes(out)


def docx_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document><w:body>{text}</w:body></w:document>")
    return buffer.getvalue()


def png_bytes(number: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (48, 32), (number % 251, (number * 7) % 253, (number * 13) % 255)).save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes
    declared_length: int | None = None  # larger than the body: the connection drops mid-page


def article_path(number: int) -> str:
    slug = CATEGORIES[number % len(CATEGORIES)][0]
    return f"/tin-tuc/{slug}/bai-viet-so-{number}.html"


def article_title(number: int) -> str:
    return f"BHXH tỉnh Mẫu Sơn triển khai nhiệm vụ số {number}"


def document_path(number: int) -> str:
    return f"/van-ban/van-ban-{number}-2024.html"


def question_path(number: int) -> str:
    return f"/hoi-dap/cau-hoi-{number}.html"


@dataclass
class OldPortal:
    news: int = 120
    documents: int = 40
    questions: int = 40
    host: str = "bhxh.mauson.gov.vn"
    edits: dict[str, str] = field(default_factory=dict)  # path → replacement title (to test re-runs)

    # Layout ------------------------------------------------------------------------------------

    def layout(self, title: str, crumbs: list[tuple[str, str]], content: str, charset: str = "utf-8") -> str:
        menu = "".join(f'<li><a href="/tin-tuc/{slug}/">{name}</a></li>' for slug, name in CATEGORIES)
        trail = " » ".join(f'<a href="{href}">{name}</a>' for href, name in [("/", "Trang chủ"), *crumbs])
        return (
            f'<!DOCTYPE html><html lang="vi"><head><meta charset="{charset}"><title>{title} - {OFFICE}</title>'
            '<link rel="alternate" type="application/rss+xml" title="Tin tức" href="/rss/tin-tuc.rss">'
            '</head><body><div id="header"><img src="/images/logo.png" alt="Logo BHXH">'
            f'<span class="site-name">{OFFICE.upper()}</span></div>'
            f'<ul id="menu"><li><a href="/">Trang chủ</a></li>{menu}<li><a href="/van-ban/">Văn bản</a></li>'
            '<li><a href="/hoi-dap/">Hỏi đáp</a></li><li><a href="/gioi-thieu/chuc-nang-nhiem-vu.html">Giới thiệu</a>'
            '</li><li><a href="/noi-bo/tai-lieu.html">Nội bộ</a></li></ul>'
            f'<div class="breadcrumb">{trail}</div><div id="content">{content}</div>'
            f'<div id="footer">© {OFFICE}. Địa chỉ: 12 Trần Phú, thành phố Mẫu Sơn. Điện thoại: 0205 3870 000.'
            "</div></body></html>"
        )

    def article(self, number: int) -> str:
        slug, name = CATEGORIES[number % len(CATEGORIES)]
        title = self.edits.get(article_path(number), article_title(number))
        date = datetime.date(2024, 1, 1) + datetime.timedelta(days=number % 300)
        related = article_path((number + len(CATEGORIES)) % self.news)  # same category: a relative link
        paragraphs = "".join(f"<p>{PARAGRAPH.format(office=OFFICE, n=number)}</p>" for _ in range(3))
        content = (
            f'<div class="article"><h1 class="title">{title}</h1>'
            f'<div class="date">Ngày đăng: {date:%d/%m/%Y}</div>'
            f'<p class="sapo">Tóm tắt: hội nghị số {number} về phát triển người tham gia BHXH, BHYT.</p>'
            f'<div class="body">{paragraphs}'
            f'<figure><img src="../../uploads/2024/anh-{number}.png" alt="Ảnh hội nghị số {number}">'
            f"<figcaption>Quang cảnh hội nghị số {number}</figcaption></figure>"
            f"<p>{PARAGRAPH.format(office=OFFICE, n=number)} Xem thêm "
            f'<a href="{related.rsplit("/", 1)[1]}">bài liên quan</a> và '
            f'<a href="{document_path(number % max(self.documents, 1))}">văn bản hướng dẫn</a>.</p></div>'
            f'<p class="author">Phóng viên {number}</p></div>'
        )
        return self.layout(title, [(f"/tin-tuc/{slug}/", name)], content)

    def document(self, number: int) -> str:
        kind = DOC_TYPES[number % len(DOC_TYPES)]
        summary = f"Về việc hướng dẫn thu bảo hiểm xã hội, bảo hiểm y tế năm 2024 (đợt {number})"
        rows = [
            ("Số ký hiệu", f"{number}/QĐ-BHXH"),
            ("Loại văn bản", kind),
            ("Cơ quan ban hành", OFFICE),
            ("Người ký", "Nguyễn Văn Minh"),
            ("Ngày ban hành", f"{1 + number % 28:02d}/03/2024"),
            ("Ngày hiệu lực", f"{1 + number % 28:02d}/04/2024"),
            ("Tình trạng hiệu lực", "Hết hiệu lực" if number % 5 == 0 else "Còn hiệu lực"),
            ("Lĩnh vực", "Bảo hiểm y tế" if number % 2 else "Bảo hiểm xã hội"),
            ("Trích yếu", summary),
        ]
        table = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
        files = (
            f'<a href="/uploads/van-ban/van-ban-{number}.pdf">Tải về bản PDF</a> '
            f'<a href="/uploads/van-ban/van-ban-{number}.docx">Tải về bản Word</a>'
        )
        content = f'<h1>{kind} số {number}/QĐ-BHXH</h1><table class="doc-info">{table}</table><p>{files}</p>'
        return self.layout(f"{kind} {number}", [("/van-ban/", "Văn bản")], content)

    def question(self, number: int) -> str:
        topic = QA_TOPICS[number % len(QA_TOPICS)]
        content = (
            f'<h1>Hỏi về chế độ {topic} (câu {number})</h1><div class="question">'
            f'<p class="asker">Trần Thị Hoa {number} (Phường Đông Kinh)</p>'
            f"<p>Tôi đóng {topic} được {number % 20 + 1} năm, xin hỏi quyền lợi của tôi như thế nào?</p></div>"
            f'<div class="answer"><p class="date">Ngày trả lời: 05/06/2024</p><p>{OFFICE} trả lời: theo quy định '
            f"hiện hành, người tham gia {topic} được hưởng đầy đủ quyền lợi; chi tiết xem Luật Bảo hiểm xã hội "
            "năm 2024 và các văn bản hướng dẫn.</p></div>"
        )
        return self.layout(f"Hỏi đáp {number}", [("/hoi-dap/", "Hỏi đáp"), ("#", topic)], content)

    def plain(self, title: str) -> str:
        text = "".join(f"<p>{PARAGRAPH.format(office=OFFICE, n=index)}</p>" for index in range(2))
        return self.layout(title, [("/gioi-thieu/chuc-nang-nhiem-vu.html", "Giới thiệu")], f"<h1>{title}</h1>{text}")

    def listing(self, title: str, links: list[tuple[str, str]], next_page: str = "") -> str:
        items = "".join(f'<li><a href="{href}">{name}</a></li>' for href, name in links)
        more = f'<a href="{next_page}">Trang sau</a>' if next_page else ""
        return self.layout(title, [], f'<h2>{title}</h2><ul class="list">{items}</ul>{more}')

    # URLs --------------------------------------------------------------------------------------

    def article_numbers(self, slug: str) -> list[int]:
        return [n for n in range(self.news) if CATEGORIES[n % len(CATEGORIES)][0] == slug]

    def answer(self, target: str) -> Answer:
        parts = urlsplit(target)
        path, query = parts.path, parts.query
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            text = f"User-agent: *\nDisallow: /noi-bo/\nSitemap: http://{self.host}/sitemap.xml\n"
            return Answer(200, "text/plain", text.encode())
        if path == "/sitemap.xml":
            urls = [article_path(n) for n in range(0, self.news, 2)] + [document_path(n) for n in range(self.documents)]
            urls += [question_path(n) for n in range(self.questions)] + ["/" + p for p, _ in PLAIN_PAGES]
            urls += ["/tin-tuc/loi-may-chu.html", "/tin-tuc/bai-bi-cat.html"]
            body = "".join(f"<url><loc>http://{self.host}{url}</loc></url>" for url in urls)
            xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
            return Answer(200, "application/xml", xml.encode())
        if path == "/rss/tin-tuc.rss":
            items = "".join(
                f"<item><title>{article_title(n)}</title><link>http://{self.host}{article_path(n)}</link></item>"
                for n in range(1, self.news, 2)
            )
            rss = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{items}</channel></rss>'
            return Answer(200, "application/rss+xml", rss.encode())
        if path == "/":
            links = [(article_path(n), article_title(n)) for n in range(min(10, self.news))]
            return Answer(200, html, self.listing("Tin mới", links).encode())
        if path == "/tin-tuc/loi-may-chu.html":
            return Answer(500, html, b"<h1>Internal Server Error</h1>")
        if path == "/tin-tuc/bai-bi-cat.html":
            whole = self.article(0).encode()
            return Answer(200, html, whole[:180])  # cut inside <head>: no title, no body
        if path == "/tin-tuc/ket-noi-dut.html":
            return Answer(200, html, self.article(1).encode()[:500], declared_length=5000)
        if path == "/tin-tuc/bai-windows-1258.html":
            page = self.article(2).replace(article_title(2), "Bài viết mã hóa Windows-1258 về đóng bảo hiểm")
            page = page.replace('charset="utf-8"', 'charset="windows-1258"')
            return Answer(200, "text/html; charset=windows-1258", windows_1258(page))
        if path == "/tin-tuc/bai-khai-sai-bang-ma.html":
            page = self.article(3).replace(article_title(3), "Bài viết khai sai bảng mã về thẻ bảo hiểm y tế")
            return Answer(200, "text/html; charset=iso-8859-1", page.encode())
        if path == "/tin-tuc/bai-dang-nfd.html":
            page = self.article(4).replace(article_title(4), "Bài viết dạng tổ hợp về bảo hiểm thất nghiệp")
            return Answer(200, html, unicodedata.normalize("NFD", page).encode())
        for slug, name in CATEGORIES:
            if path == f"/tin-tuc/{slug}/":
                numbers = self.article_numbers(slug)
                page = int(query.split("=")[1]) if query.startswith("page=") else 1
                chunk = numbers[(page - 1) * PER_LISTING : page * PER_LISTING]
                links = [(article_path(n).rsplit("/", 1)[1], article_title(n)) for n in chunk]
                links += [("/tin-tuc/bai-windows-1258.html", "Bài 1258"), ("/tin-tuc/bai-khai-sai-bang-ma.html", "Sai")]
                links += [("/tin-tuc/bai-dang-nfd.html", "NFD"), ("/tin-tuc/ket-noi-dut.html", "Đứt")]
                if chunk:
                    links.append((f"{article_path(chunk[0]).rsplit('/', 1)[1]}?print=1", "Bản in"))
                    links.append((f"{article_path(chunk[0]).rsplit('/', 1)[1]}#top", "Đầu trang"))
                more = f"?page={page + 1}" if page * PER_LISTING < len(numbers) else ""
                return Answer(200, html, self.listing(name, links, more).encode())
            prefix = f"/tin-tuc/{slug}/bai-viet-so-"
            if path.startswith(prefix) and path.endswith(".html"):
                number = int(path[len(prefix) : -5])
                if number < self.news and article_path(number) == path:
                    return Answer(200, html, self.article(number).encode())
        if path == "/van-ban/":
            links = [(document_path(n), f"Văn bản {n}") for n in range(self.documents)]
            return Answer(200, html, self.listing("Văn bản", links).encode())
        if path.startswith("/van-ban/van-ban-") and path.endswith("-2024.html"):
            number = int(path[len("/van-ban/van-ban-") : -len("-2024.html")])
            if number < self.documents:
                return Answer(200, html, self.document(number).encode())
        if path == "/hoi-dap/":
            links = [(question_path(n), f"Câu hỏi {n}") for n in range(self.questions)]
            return Answer(200, html, self.listing("Hỏi đáp", links).encode())
        if path.startswith("/hoi-dap/cau-hoi-") and path.endswith(".html"):
            number = int(path[len("/hoi-dap/cau-hoi-") : -5])
            if number < self.questions:
                return Answer(200, html, self.question(number).encode())
        for page_path, title in PLAIN_PAGES:
            if path == "/" + page_path:
                return Answer(200, html, self.plain(title).encode())
        if path == "/noi-bo/tai-lieu.html":
            return Answer(200, html, self.plain("Tài liệu nội bộ không công khai").encode())
        if path.startswith("/uploads/2024/anh-") and path.endswith(".png"):
            return Answer(200, "image/png", png_bytes(int(path[len("/uploads/2024/anh-") : -4])))
        if path == "/images/logo.png":
            return Answer(200, "image/png", png_bytes(999_999))
        if path.startswith("/uploads/van-ban/van-ban-"):
            name = path[len("/uploads/van-ban/") :]
            if name.endswith(".pdf"):
                return Answer(200, "application/pdf", PDF_BYTES + name.encode())
            if name.endswith(".docx"):
                kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                return Answer(200, kind, docx_bytes(name))
        return Answer(404, html, b"<h1>Not found</h1>")

    def page_urls(self) -> Iterator[str]:
        """Every URL the portal has (as a crawler could find them), for the offline sources."""
        yield from ["/", "/robots.txt", "/sitemap.xml", "/rss/tin-tuc.rss", "/van-ban/", "/hoi-dap/"]
        for slug, _ in CATEGORIES:
            yield f"/tin-tuc/{slug}/"
        for number in range(self.news):
            yield article_path(number)
            yield f"/uploads/2024/anh-{number}.png"
        for number in range(self.documents):
            yield from [document_path(number), f"/uploads/van-ban/van-ban-{number}.pdf"]
            yield f"/uploads/van-ban/van-ban-{number}.docx"
        for number in range(self.questions):
            yield question_path(number)
        for page_path, _ in PLAIN_PAGES:
            yield "/" + page_path
        yield from ["/tin-tuc/loi-may-chu.html", "/tin-tuc/bai-bi-cat.html", "/tin-tuc/bai-windows-1258.html"]
        yield from ["/tin-tuc/bai-khai-sai-bang-ma.html", "/tin-tuc/bai-dang-nfd.html", "/images/logo.png"]

    # Serving and saving ------------------------------------------------------------------------

    @contextmanager
    def serve(self) -> Iterator[str]:
        """Serve the portal on 127.0.0.1 (a free port); yields its base URL. `host` becomes that address."""
        portal = self
        requests_seen: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as two writes on a kept-alive connection: with Nagle's algorithm
            # the body waits for the client's delayed ACK, 40 ms a request that no real server adds.
            disable_nagle_algorithm = True

            def do_GET(self):
                requests_seen.append(self.path)
                answer = portal.answer(self.path)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(answer.declared_length or len(answer.body)))
                if answer.declared_length:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(answer.body)
                if answer.declared_length:
                    self.close_connection = True

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self.host = f"127.0.0.1:{server.server_address[1]}"
        self.requests_seen = requests_seen
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://{self.host}/"
        finally:
            server.shutdown()
            server.server_close()

    def write_folder(self, folder: Path) -> None:
        """Each HTML page and file as saved by "Save page as…" under `folder`, keyed by path."""
        for path in self.page_urls():
            answer = self.answer(path)
            if answer.status != 200:
                continue
            target = folder / (path.lstrip("/") or "index.html")
            if path.endswith("/"):
                target = target / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(answer.body)

    def write_warc(self, file: Path) -> None:
        """A saved crawl of the portal, as a WARC file (warcio)."""
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        with file.open("wb") as stream:
            writer = WARCWriter(stream, gzip=file.name.endswith(".gz"))
            for path in self.page_urls():
                answer = self.answer(path)
                headers = StatusAndHeaders(
                    f"{answer.status} OK", [("Content-Type", answer.content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    f"http://{self.host}{path}", "response", payload=io.BytesIO(answer.body), http_headers=headers
                )
                writer.write_record(record)
