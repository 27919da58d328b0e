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
    ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
    # What people typed rather than what the interface says: form values, code samples.
    CONTENT = {"textarea", "code", "pre", "kbd", "samp"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.interface_texts: list[str] = []  # `texts` less those inside CONTENT elements
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
            for name in self.ATTRIBUTES:
                if attributes.get(name):
                    self._add(attributes[name])
            if tag == "input" and attributes.get("type") in ("submit", "button", "reset") and attributes.get("value"):
                self._add(attributes["value"])
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
        elif self._open and self._open[-1][0] == "title" and not any(tag == "svg" for tag, _ in self._open):
            self._add(data)  # the window's title, read in the tab bar and by screen readers
        elif not self._hidden:
            self._add(data)

    def _add(self, text: str) -> None:
        self.texts.append(text)
        if not any(tag in self.CONTENT for tag, _ in self._open):
            self.interface_texts.append(text)

    def _read_sidebar(self, data: str) -> None:
        """The sidebar is drawn by JavaScript from JSON: its labels are visible, its URLs are menu entries."""

        def walk(value):
            if isinstance(value, dict):
                for key, item in value.items():
                    if key in ("label", "title") and isinstance(item, str):
                        self._add(item)
                    elif key == "url" and isinstance(item, str):
                        self.links.append(item)
                    else:
                        walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(json.loads(data))


# --- Words, codes and dates (issue 16, every admin screen) -------------------------------

# English words of the admin's interface, taken from Wagtail's English msgids, matched as whole words
# and case-sensitively: Vietnamese written without accents in ASCII ("do", "in", "to", "an", "con",
# "ban") is none of them. Loanwords Vietnamese uses as they are ("Email", "Menu", "Logo", "Banner",
# "Video", "Website", "Hotline", "Online") are not listed.
ENGLISH_WORDS = frozenset(
    """
    Add Added Edit Edited Editing Delete Deleted Save Saved Search Filter Filters Cancel Page Pages Status Date
    User Users Live Draft Drafts Publish Published Unpublish Unpublished Settings Help Dashboard Sort Sorting Actions
    Action Choose Upload Uploaded Select Selected Created Updated Owner Type Title Yes No Close Clear Apply Previous
    Next Home Images Image Documents Document Snippets Snippet Reports Report Workflow Workflows Tasks Task Redirects
    Redirect Collections Collection Groups Group Sites Site Locked Unlocked Lock Unlock Preview View History Usage
    Name Copy Move Revisions Revision Comments Comment Submit Approve Approved Reject Rejected Privacy Private Public
    Explorer Account Password Username Author Expired Scheduled Ascending Descending Loading Remove Replace More Back
    Continue Confirm Required Optional Unknown Never Today Yesterday Language Active Inactive Enabled Disabled
    Permissions Permission Order Alias Summary Description Content Promote Modified Toggle Show Hide Expand Collapse
    Download Export Import Files Size Tags Focal Width Height Results Items Item Total Sign Log Reset Refresh Undo
    Bold Italic Link Heading Paragraph Bulleted Numbered Quote Embed Table Insert Subpage Subpages Parent Children
    Error Warning Success Info Notes Note Message Messages Reason Deadline Province Provinces Category Categories
    Can the and of with for from your you this that has have are were been will there here not or by ago yet into
    any all items item page pages users images documents results selected add change edit delete publish
    """.split()
)
_WORD = re.compile(r"[A-Za-zÀ-ỹ]+")

# Machine-readable text people should not have to read. Addresses, e-mail addresses and file names are
# removed first: the admin shows them on purpose.
_ADDRESSES = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|(?<![\w/])/[\w\-./?=&%#]*"
    r"|[\w\-.]+\.(?:pdf|docx?|xlsx?|csv|odt|ods|png|jpe?g|gif|svg|webp|zip|txt|json|xml|html)\b",
    re.IGNORECASE,
)
_SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# Dates read dd/mm/yyyy (with hh:mm after them); anything else a date can look like is a finding.
_OTHER_DATES = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"  # ISO: 2026-12-01
    rf"|\b\d{{1,2}}-\d{{1,2}}-\d{{4}}\b"  # Django's Vietnamese SHORT_DATE_FORMAT: 01-12-2026
    rf"|\b{_MONTHS}\s\d{{1,2}}\b|\b\d{{1,2}}\s{_MONTHS}(?:\s\d{{4}})?\b"  # Dec. 1, Dec 1, 1 Dec 2026
    rf"|\b\d{{1,2}}:\d{{2}}\s?[ap]\.?m\.?"  # 3:15 p.m.
    rf"|(?<![\d/])\d/\d{{1,2}}/\d{{4}}\b|(?<![\d/])\d{{2}}/\d/\d{{4}}\b"  # 1/12/2026, 01/1/2026
    rf"|[Nn]gày \d{{1,2}} tháng \d{{1,2}} năm \d{{4}}"  # Django's Vietnamese DATE_FORMAT
    rf"|\b\d{{1,2}}/\d{{1,2}}/\d{{2}}\b(?!/)"  # a two-digit year
)


# Texts of admin screens that stay as they are, each for its reason (problems_in's `allowed`).
KEPT_AS_THEY_ARE = frozenset(
    {
        # Names: the CMS, the province's software and services people know by these names.
        "Wagtail",
        "Zalo",
        "Facebook",
        "YouTube",
        "Google",
        # Formats and standards named as such on export buttons and upload help.
        "XLSX",
        "RSS",
        "Atom",
        "PDF",
        "CSV",
        "DOCX",
        "OTP",
        "TOTP",
        "QR",
        # The superuser's username, shown in the account menu: a sign-in name, typed as it is.
        "admin",
        # The title of the page Wagtail's first migration creates, which onboarding replaces: the site
        # history keeps its log entry under the title it had (data, not interface).
        "Welcome to your new Wagtail site!",
    }
)


def internal_codes() -> tuple[frozenset[str], frozenset[str]]:
    """The raw values of our models' choices (shown instead of their labels) and the model and app
    labels (shown instead of their verbose names), as exact texts."""
    from django.apps import apps

    ours = ("tenant_apps.", "shared_apps.", "tenants")
    values, labels = set(), set()
    for model in apps.get_models():
        labels.add(model._meta.model_name)
        if not model.__module__.startswith(ours):
            continue
        labels.add(model._meta.app_label)
        for field in model._meta.get_fields():
            for value, label in getattr(field, "flatchoices", None) or []:
                if isinstance(value, str) and value and value != str(label):
                    values.add(value)
    labels |= {config.label for config in apps.get_app_configs() if config.name.startswith(ours)}
    labels |= {"tenant_apps", "shared_apps"}
    return frozenset(values), frozenset(labels)


def problems_in(
    text: str, codes: tuple[frozenset[str], frozenset[str]], allowed: frozenset[str] = frozenset()
) -> list[str]:
    """Why one visible text is not Vietnamese for people: English words, internal codes, dates not dd/mm/yyyy."""
    text = " ".join(text.split())
    if not text or text in allowed:
        return []
    values, labels = codes
    found = []
    if text in values:
        found.append("raw choice value")
    if text in labels:
        found.append("model or app label")
    readable = _ADDRESSES.sub(" ", text)
    words = sorted({word for word in _WORD.findall(readable) if word in ENGLISH_WORDS and word not in allowed})
    if words:
        found.append("English " + ", ".join(words))
    codes_found = sorted(set(_SNAKE_CASE.findall(readable)) - allowed)
    if codes_found:
        found.append("code " + ", ".join(codes_found))
    dates = _OTHER_DATES.findall(readable)
    if dates:
        found.append("date " + ", ".join(dates))
    return found
