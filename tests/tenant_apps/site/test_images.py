"""Article images reach phones as AVIF where the browser takes it, else WebP, in two sizes (srcset),
with a JPEG for older browsers."""

import re

import pytest
import wagtail_factories

from tenant_apps.news.models import NewsIndexPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_list(hanoi) -> str:
    with hanoi.context():
        image = wagtail_factories.ImageFactory(file__width=1200, file__height=800)
        NewsPageFactory(
            parent=NewsIndexPage.objects.get(), slug="tin-co-anh", featured_image=image, featured_image_alt="Ảnh thử"
        )
    return hanoi.client().get("/tin-tuc/").content.decode()


def test_the_image_is_offered_as_avif_first_then_webp(news_list):
    sources = re.findall(r'<source[^>]*type="(image/[a-z]+)"', news_list)

    assert sources[:2] == ["image/avif", "image/webp"]


def test_the_avif_comes_in_two_widths_for_the_browser_to_choose(news_list):
    srcset = re.search(r'<source[^>]*type="image/avif"[^>]*>', news_list).group(0)

    assert re.search(r"\.avif 480w, [^\"]+\.avif 960w", srcset)


def test_the_webp_comes_in_two_widths_for_the_browser_to_choose(news_list):
    srcset = re.search(r'<source[^>]*type="image/webp"[^>]*>', news_list).group(0)

    assert re.search(r"\.webp 480w, [^\"]+\.webp 960w", srcset)


def test_older_browsers_get_a_jpeg_with_its_description(news_list):
    img = re.search(r"<img[^>]*>", news_list.split('class="news-list"')[1]).group(0)

    assert ".jpg" in img and 'alt="Ảnh thử"' in img
