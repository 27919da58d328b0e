"""Tin tức — news articles, their categories and the paginated news index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from tenant_apps.pages.models import PrintableMixin, SyndicatedCopyMixin
from tenant_apps.pages.pagination import paginate
from tenant_apps.search.index import FoldedSearchMixin
from tenants.schemas import ProvincePageMixin

NEWS_PER_PAGE = 10

# Categories every province starts with (editors add their own).
DEFAULT_CATEGORIES = [
    ("Tin hoạt động ngành", "tin-hoat-dong-nganh"),
    ("Tin địa phương", "tin-dia-phuong"),
    ("Tin toàn ngành", "tin-toan-nganh"),
]


class NewsCategory(models.Model):
    """Chuyên mục tin — a news category, per province."""

    name = models.CharField(_("tên chuyên mục"), max_length=100, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True, allow_unicode=False)
    description = models.TextField(_("mô tả"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


register_snippet(NewsCategory)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticleIndexRoutes(RoutablePageMixin):
    """An article index's own routes: every article, and the articles with one tag (Tin theo từ khóa).

    The index says which articles it lists with `articles()`; each tag on an article links to
    `tu-khoa/<slug>/` of the article's index, a province's news and the central national news alike.
    """

    @path("")
    def all_news(self, request):
        return self.render(request, context_overrides={"articles": paginate(request, self.articles(), NEWS_PER_PAGE)})

    @path("tu-khoa/<str:slug>/", name="tag")
    def by_tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        articles = self.articles().filter(tags=tag)
        return self.render(
            request, context_overrides={"articles": paginate(request, articles, NEWS_PER_PAGE), "tag": tag}
        )


class NewsIndexPage(ArticleIndexRoutes, ProvincePageMixin, Page):
    """Tin tức — lists published articles, all or by category or tag, newest first."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang tin tức")

    def articles(self):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("category", "featured_image")
            .order_by("-first_published_at", "-pk")
        )

    @path("chuyen-muc/<slug:slug>/")
    def by_category(self, request, slug):
        category = get_object_or_404(NewsCategory, slug=slug)
        articles = self.articles().filter(category=category)
        return self.render(
            request, context_overrides={"articles": paginate(request, articles, NEWS_PER_PAGE), "category": category}
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = NewsCategory.objects.all()
        return context


class NewsArticleFields(models.Model):
    """The structured fields of a news article, shared by province articles and national ones (Tin toàn ngành).

    Subclasses add `tags`, which `search_text()` reads.
    """

    summary = models.TextField(_("tóm tắt"), max_length=600, blank=True)
    is_featured = models.BooleanField(_("tin nổi bật"), default=False)
    body = RichTextField(_("nội dung"))
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=250,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh: mô tả nội dung ảnh cho người khiếm thị."),
    )
    author = models.CharField(_("tác giả"), max_length=150)
    source = models.CharField(_("nguồn tin"), max_length=200, blank=True)
    event_end_date = models.DateField(
        _("ngày kết thúc sự kiện"),
        null=True,
        blank=True,
        help_text=_("Tin phải đăng trong 10 ngày sau khi sự kiện kết thúc."),
    )

    class Meta:
        abstract = True

    def search_text(self) -> str:
        return " ".join([self.summary, self.body, self.author, " ".join(tag.name for tag in self.tags.all())])

    @classmethod
    def get_indexed_objects(cls):
        """With their tags: the index reads `search_text()` once per index column, five times an article."""
        return super().get_indexed_objects().prefetch_related("tags")

    def clean(self):
        super().clean()
        if self.featured_image_id and not self.featured_image_alt.strip():
            raise ValidationError({"featured_image_alt": _("Hãy mô tả ảnh đại diện (văn bản thay thế).")})


class NewsPage(  # noqa: DJ008 (Page.__str__ gives the title)
    SyndicatedCopyMixin, NewsArticleFields, PrintableMixin, FoldedSearchMixin, ProvincePageMixin, Page
):
    """Bài viết — one news article with its author, source and event date (10-day rule, §8.1)."""

    category = models.ForeignKey(
        NewsCategory, verbose_name=_("chuyên mục"), on_delete=models.PROTECT, related_name="articles"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("từ khóa"))
    related_articles = ParentalManyToManyField("self", blank=True, symmetrical=False, verbose_name=_("tin liên quan"))

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("is_featured"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading=_("Ảnh đại diện")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source"), FieldPanel("event_end_date")], heading=_("Thông tin bài viết")
        ),
        FieldPanel("tags"),
        FieldPanel("related_articles"),
        InlinePanel("royalty_contributions", heading=_("Nhuận bút"), label=_("Người hưởng nhuận bút")),
    ]
    search_fields = (
        Page.search_fields
        + FoldedSearchMixin.folded_search_fields
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("category_id"),
        ]
    )
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    syndicated_template = "newsroom/syndicated_news_page.html"

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")

    def related(self, limit: int = 4):
        """Chosen related articles, topped up with the newest of the same category.

        In a preview the chosen ones are modelcluster's in-memory list, not a queryset, so they are
        looked up by id.
        """
        chosen_ids = [page.pk for page in self.related_articles.all()]
        chosen = list(NewsPage.objects.filter(pk__in=chosen_ids).live().public()[:limit])
        if len(chosen) < limit:
            more = (
                NewsPage.objects.live()
                .public()
                .filter(category_id=self.category_id)
                .exclude(pk__in=[self.pk, *[page.pk for page in chosen]])
                .order_by("-first_published_at")[: limit - len(chosen)]
            )
            chosen.extend(more)
        return chosen

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.related()
        return context
