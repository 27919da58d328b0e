"""Real files for the demo content: PNG banners and portraits, one-page PDF documents.

Files are drawn with Pillow and stored through Wagtail's image and document models, so they
land in the current schema's media storage. Each is looked up by title before it is made.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

from tenant_apps.pages.slugs import vietnamese_slug

FONT_FILES = {
    "regular": ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf", "Arial.ttf"],
    "bold": ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf", "Arial Bold.ttf"],
    "italic": ["DejaVuSans-Oblique.ttf", "LiberationSans-Italic.ttf", "NotoSans-Italic.ttf", "Arial Italic.ttf"],
}
FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype/noto",
    "/Library/Fonts",
    "C:/Windows/Fonts",
]

Colour = tuple[int, int, int]
BANNER_SIZE = (1200, 675)
PORTRAIT_SIZE = (480, 600)
A4_AT_200_DPI = (1654, 2339)


@cache
def font(style: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A TrueType font with Vietnamese glyphs when the system has one, else Pillow's own."""
    for directory in FONT_DIRS:
        for name in FONT_FILES[style]:
            try:
                return ImageFont.truetype(f"{directory}/{name}", size)
            except OSError:
                continue
    return ImageFont.load_default(size=size)


def wrap(text: str, typeface, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` pixels."""
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and probe.textlength(candidate, font=typeface) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _mix(colour: Colour, other: Colour, share: float) -> Colour:
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def banner_png(headline: str, kicker: str, footer: str, colour: Colour) -> bytes:
    """A 1200×675 article banner: a diagonal gradient, a kicker line, the headline and a footer line."""
    width, height = BANNER_SIZE
    image = Image.new("RGB", BANNER_SIZE, colour)
    draw = ImageDraw.Draw(image)
    dark = _mix(colour, (0, 0, 0), 0.45)
    for x in range(0, width, 4):
        draw.rectangle([x, 0, x + 3, height], fill=_mix(colour, dark, x / width))
    light = _mix(colour, (255, 255, 255), 0.18)
    draw.ellipse([width - 330, -220, width + 230, 340], outline=light, width=18)
    draw.ellipse([width - 260, height - 230, width + 100, height + 130], outline=light, width=10)
    draw.rectangle([80, 120, 92, 170], fill=(255, 204, 0))
    draw.text((110, 122), kicker.upper(), font=font("bold", 34), fill=(255, 255, 255))
    headline_font = font("bold", 62)
    y = 230
    for line in wrap(headline, headline_font, 820)[:4]:
        draw.text((80, y), line, font=headline_font, fill=(255, 255, 255))
        y += 80
    draw.line([80, height - 90, 200, height - 90], fill=(255, 204, 0), width=6)
    draw.text((220, height - 90), footer.upper(), font=font("bold", 24), fill=(255, 255, 255), anchor="lm")
    return _png(image)


def portrait_png(initials: str, colour: Colour) -> bytes:
    """A 480×600 portrait placeholder: a silhouette and the person's initials."""
    width, height = PORTRAIT_SIZE
    image = Image.new("RGB", PORTRAIT_SIZE, _mix(colour, (255, 255, 255), 0.85))
    draw = ImageDraw.Draw(image)
    figure = _mix(colour, (255, 255, 255), 0.35)
    draw.ellipse([width // 2 - 95, 120, width // 2 + 95, 310], fill=figure)
    draw.rounded_rectangle([width // 2 - 185, 340, width // 2 + 185, height + 120], radius=150, fill=figure)
    draw.ellipse([width - 150, 30, width - 30, 150], fill=colour)
    draw.text((width - 90, 90), initials, font=font("bold", 44), fill=(255, 255, 255), anchor="mm")
    return _png(image)


@dataclass
class OfficialText:
    """What a one-page official document shows (layout of Nghị định 30/2020/NĐ-CP, simplified)."""

    issuer_lines: list[str]
    number: str
    place_and_date: str
    heading: str
    summary: str
    number_label: str = "Số"
    paragraphs: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer: str = ""
    pdf_title: str = ""


def document_pdf(text: OfficialText) -> bytes:
    """A one-page A4 PDF (200 dpi, black and white) laid out like a Vietnamese official document."""
    buffer = io.BytesIO()
    document_page(text).save(
        buffer, "PDF", resolution=200, title=text.pdf_title or text.summary, author=text.issuer_lines[-1]
    )
    return buffer.getvalue()


def document_page(text: OfficialText) -> Image.Image:
    """The first page of the document as a black-and-white A4 image."""
    width, height = A4_AT_200_DPI
    margin_left, margin_right = 240, 160
    page = Image.new("L", A4_AT_200_DPI, 255)
    draw = ImageDraw.Draw(page)
    left_centre, right_centre = 450, 1130

    y = 160
    for index, line in enumerate(text.issuer_lines):
        style = "bold" if index or len(text.issuer_lines) == 1 else "regular"
        draw.text((left_centre, y), line, font=font(style, 32), fill=0, anchor="mt")
        y += 48
    draw.line([left_centre - 90, y + 10, left_centre + 90, y + 10], fill=0, width=3)
    draw.text(
        (left_centre, y + 44), f"{text.number_label}: {text.number}", font=font("regular", 32), fill=0, anchor="mt"
    )

    draw.text((right_centre, 160), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font("bold", 32), fill=0, anchor="mt")
    draw.text((right_centre, 208), "Độc lập - Tự do - Hạnh phúc", font=font("bold", 34), fill=0, anchor="mt")
    draw.line([right_centre - 230, 258, right_centre + 230, 258], fill=0, width=3)
    draw.text((right_centre, 300), text.place_and_date, font=font("italic", 30), fill=0, anchor="mt")

    y = 480
    if text.heading:
        draw.text((width // 2, y), text.heading.upper(), font=font("bold", 44), fill=0, anchor="mt")
        y += 80
    for line in wrap(text.summary, font("bold", 36), width - 2 * 300):
        draw.text((width // 2, y), line, font=font("bold", 36), fill=0, anchor="mt")
        y += 54
    y += 60
    body_font = font("regular", 33)
    for paragraph in text.paragraphs:
        for line in wrap(paragraph, body_font, width - margin_left - margin_right - 60):
            if y > height - 560:
                break
            draw.text((margin_left + 60, y), line, font=body_font, fill=0)
            y += 50
        y += 24

    if text.signer:
        y = max(y + 60, height - 500)
        for line in text.signer_title.split("\n"):
            draw.text((right_centre, y), line.upper(), font=font("bold", 32), fill=0, anchor="mt")
            y += 48
        draw.text((right_centre, y + 180), text.signer, font=font("bold", 34), fill=0, anchor="mt")

    return page.point(lambda value: 0 if value < 150 else 255).convert("1")


def _file_hash(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def ensure_image(title: str, make: Callable[[], bytes]) -> AbstractImage:
    """The Wagtail image titled `title`, drawing and storing it the first time."""
    ImageModel = get_image_model()
    existing = ImageModel.objects.filter(title=title).first()
    if existing:
        return existing
    data = make()
    image = ImageModel(title=title, file_size=len(data), file_hash=_file_hash(data))
    image.file = ImageFile(io.BytesIO(data), name=f"{vietnamese_slug(title, 60) or 'anh'}.png")
    image.save()
    return image


def ensure_document(title: str, make: Callable[[], bytes], extension: str = "pdf") -> AbstractDocument:
    """The Wagtail document titled `title`, generating and storing its file (a PDF unless
    `extension` says otherwise) the first time."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    data = make()
    document = Document(title=title, file_size=len(data), file_hash=_file_hash(data))
    document.file = ContentFile(data, name=f"{vietnamese_slug(title) or 'van-ban'}.{extension}")
    document.save()
    return document
