"""The site-search index of a schema, its synonyms and the board's pinned results (best bets)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from .choices import Kind
from .text import words


class SearchEntry(models.Model):
    """Mục chỉ mục tìm kiếm — one thing a citizen can find: a page, an answered question, an office.

    Filled by the handlers in signals.py; read only by selectors.search_site(). Every entry hangs
    on a page (the question's Q&A page, the office's directory), so deleting, unpublishing or
    restricting that page takes the entry out of the results.
    """

    key = models.CharField(max_length=60, unique=True)  # "page:12", "question:3", "office:7"
    kind = models.CharField(max_length=20, choices=Kind.choices)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    url_suffix = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    doc_keys = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("mục chỉ mục tìm kiếm")
        indexes = [
            GinIndex(fields=["vector"], name="search_entry_vector"),
            GinIndex(fields=["doc_keys"], name="search_entry_doc_keys"),
        ]

    def __str__(self) -> str:
        return self.title


class SynonymGroupBase(models.Model):
    """Nhóm từ đồng nghĩa — words a citizen uses for the same thing ("BHYT, bảo hiểm y tế")."""

    terms = models.TextField(
        _("các cách gọi"),
        help_text=_(
            "Các từ, cụm từ cùng nghĩa, cách nhau bởi dấu phẩy hoặc xuống dòng. "
            "Ví dụ: BHYT, bảo hiểm y tế. Gõ có dấu hay không dấu đều được."
        ),
    )
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        abstract = True
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms[:120]

    @staticmethod
    def phrases_of(terms: str) -> list[tuple[str, ...]]:
        """The folded phrases of a group: "BHYT, bảo hiểm y tế" -> [("bhyt",), ("bao", "hiem", "y", "te")]."""
        phrases = (tuple(words(part)) for part in terms.replace("\n", ",").replace(";", ",").split(","))
        return list(dict.fromkeys(phrase for phrase in phrases if phrase))


class SynonymGroup(SynonymGroupBase):
    """The province's own synonyms, added to the national bank (shared_apps.synonyms)."""

    class Meta(SynonymGroupBase.Meta):
        verbose_name = _("từ đồng nghĩa của tỉnh")
        verbose_name_plural = _("từ đồng nghĩa của tỉnh")


class BestBet(models.Model):
    """Kết quả ghim — a page the board shows first, marked, for some queries."""

    queries = models.TextField(
        _("từ khóa tìm kiếm"),
        help_text=_(
            "Mỗi dòng một từ khóa. Trang được ghim khi người dân tìm đúng cụm từ này "
            "hoặc một câu có chứa nó (không phân biệt có dấu hay không dấu)."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("trang được ghim"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("lời giới thiệu"), max_length=250, blank=True, help_text=_("Hiện dưới tiêu đề trang trong kết quả.")
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [FieldPanel("queries"), PageChooserPanel("page"), FieldPanel("note"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("kết quả ghim")
        verbose_name_plural = _("kết quả ghim")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.queries.splitlines()[0] if self.queries else ''} → {self.page_id}"

    def phrases(self) -> list[str]:
        return [" ".join(words(line)) for line in self.queries.splitlines() if words(line)]
