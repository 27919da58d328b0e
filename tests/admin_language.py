"""What a person reads on an admin screen, and whether it is English (issue 16).

English means an English message of the installed catalogues (their msgids, exact or with their
placeholders filled), a raw True/False/None, or an English relative time ("10 minutes ago").
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings

# Messages that read the same in Vietnamese (proper names, units, codes), reviewed one by one; "English"
# names the English introduction in the public pages that previews show, in its own language.
ALLOWED = {"Wagtail", "OK", "Email", "ID", "URL", "PDF", "RSS", "HTML", "SEO", "QR", "Excel", "Word", "English"}
RAW_VALUES = {"True", "False", "None"}


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
# What Django's humanize and timesince write when the catalogues are missing: "10 minutes ago".
ENGLISH_TIME = re.compile(r"\b\d+\s(second|minute|hour|day|week|month|year)s?\b|\bago\b")


def english_messages() -> tuple[set[str], re.Pattern]:
    """The English msgids of the installed catalogues: exact texts, and one pattern for those with placeholders."""
    exact, patterns = set(), set()
    for path in Path(settings.BASE_DIR, "locale").rglob("*.po"):
        for entry in polib.pofile(str(path)):
            for msgid in (entry.msgid, entry.msgid_plural):
                text = " ".join(msgid.split())
                literal = PLACEHOLDER.sub("", text)
                if text in ALLOWED or not re.search(r"[A-Za-z]{2}", literal):
                    continue
                if literal == text:
                    exact.add(text)
                elif len(re.findall(r"[A-Za-z]", literal)) >= 6:
                    parts = PLACEHOLDER.split(text)
                    patterns.add(".+?".join(re.escape(part) for part in parts))
    return exact, re.compile("|".join(f"(?:{pattern})" for pattern in sorted(patterns)))


def is_english(text: str, messages: tuple[set[str], re.Pattern]) -> bool:
    exact, pattern = messages
    return text in exact or text in RAW_VALUES or bool(pattern.fullmatch(text) or ENGLISH_TIME.search(text))


class VisibleText(HTMLParser):
    """What a person reads on the screen (not inside script, style or a `hidden` element), and the admin links on it."""

    INVISIBLE = {"script", "style", "title", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    ATTRIBUTES = ("placeholder", "title", "aria-label")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, hidden) of every open element
        self._sidebar = False

    @property
    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        self._sidebar = tag == "script" and attributes.get("id") == "wagtail-sidebar-props"
        hidden = tag in self.INVISIBLE or "hidden" in attributes
        if not (hidden or self._hidden):
            self.texts += [attributes[name] for name in self.ATTRIBUTES if attributes.get(name)]
            if tag == "input" and attributes.get("type") in ("submit", "button", "reset") and attributes.get("value"):
                self.texts.append(attributes["value"])
        if tag not in self.VOID:
            self._open.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if self._sidebar:
            self._read_sidebar(data)
            self._sidebar = False
        elif not self._hidden:
            self.texts.append(data)

    def _read_sidebar(self, data: str) -> None:
        """The sidebar is drawn by JavaScript from JSON: its labels are visible, its URLs are menu entries."""

        def walk(value):
            if isinstance(value, dict):
                for key, item in value.items():
                    if key in ("label", "title") and isinstance(item, str):
                        self.texts.append(item)
                    elif key == "url" and isinstance(item, str):
                        self.links.append(item)
                    else:
                        walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(json.loads(data))
