"""The captcha's challenges (django-simple-captcha generators) and its light noise.

Two kinds: five characters in an image, drawn from an alphabet without look-alikes (no 0/O/D/Q,
1/I/L/J, 2/Z, 5/S, 6/G, 8/B, U/V), large and barely rotated; and, for people who cannot read the
image (WCAG 2.1, 1.1.1), a sum written in Vietnamese words, answered with digits.
"""

from __future__ import annotations

import secrets

IMAGE = "anh"
WORDS = "chu"
KINDS = (IMAGE, WORDS)

IMAGE_ALPHABET = "ACEFHKMNPRTWXY3479"
IMAGE_LENGTH = 5
NUMBER_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def image_challenge() -> tuple[str, str]:
    """(text drawn, expected answer); answers are compared in lower case."""
    text = "".join(secrets.choice(IMAGE_ALPHABET) for _ in range(IMAGE_LENGTH))
    return text, text.lower()


def words_challenge() -> tuple[str, str]:
    """A sum of two numbers from 1 to 9 in words, e.g. («bảy cộng hai bằng mấy?», «9»)."""
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return f"{NUMBER_WORDS[first]} cộng {NUMBER_WORDS[second]} bằng mấy?", str(first + second)


def sparse_dots(draw, image):
    """A few dots (1% of the pixels): enough to trouble a naive reader, not a person."""
    width, height = image.size
    for _ in range(width * height // 100):
        draw.point((secrets.randbelow(width), secrets.randbelow(height)), fill="#5a6470")
    return draw
