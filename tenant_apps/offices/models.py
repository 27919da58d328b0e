"""Hệ thống cơ quan — the provincial office and its local offices (BHXH cơ sở), with the
communes and wards each serves; a citizen finds their office by typing their commune."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from tenant_apps.search.text import fold
from tenants.registry import find_unit
from tenants.schemas import ProvincePageMixin

from .admin_units import find_former_address


class OfficeDirectoryPage(ProvincePageMixin, Page):
    """Danh bạ cơ quan — every office of the province, searchable by commune or ward."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro"), InlinePanel("offices", label=_("Cơ quan"))]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("danh bạ cơ quan")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("xa", "").strip()[:100]
        offices, former = self.offices.all(), None
        if query:
            offices, former = offices_serving(self.offices.all(), query, getattr(request, "tenant", None))
        context.update(query=query, offices=offices, former_address=former)
        return context


def offices_serving(offices, query: str, province) -> tuple:
    """The offices whose communes match `query`; failing that, `query` read as an address of before
    01/07/2025 ("phường Cống Vị, quận Ba Đình") and the offices of the commune(s) covering it now."""
    found = offices.filter(communes_folded__contains=fold(query))
    if found.exists() or province is None:
        return found, None
    unit = find_unit(province.code) if province.code else None
    names = [former.name for former in unit.former_units] if unit else [province.short_name]
    former = find_former_address(query, names)
    if former is None:
        return found, None
    matches = models.Q()
    for commune in former.new_communes:
        matches |= models.Q(communes_folded__contains=fold(commune.split(" ", 1)[-1]))
    return offices.filter(matches), former


class Office(Orderable):
    """Cơ quan BHXH — the provincial office or one BHXH cơ sở, with its contacts and area."""

    class Kind(models.TextChoices):
        PROVINCIAL = "tinh", _("BHXH tỉnh, thành phố")
        LOCAL = "co-so", _("BHXH cơ sở")

    page = ParentalKey(OfficeDirectoryPage, related_name="offices", on_delete=models.CASCADE)
    name = models.CharField(_("tên cơ quan"), max_length=200)
    kind = models.CharField(_("cấp"), max_length=10, choices=Kind.choices, default=Kind.LOCAL)
    address = models.CharField(_("địa chỉ"), max_length=300)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    working_hours = models.CharField(
        _("giờ làm việc"), max_length=200, default="Thứ Hai – Thứ Sáu: 7h30 – 11h30, 13h30 – 17h00"
    )
    latitude = models.DecimalField(_("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    communes = models.TextField(_("xã, phường phụ trách"), blank=True, help_text=_("Mỗi dòng một xã/phường."))
    communes_folded = models.TextField(editable=False, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("working_hours"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])], heading=_("Bản đồ")),
        FieldPanel("communes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cơ quan")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.communes_folded = "\n".join(fold(line.strip()) for line in self.communes.splitlines() if line.strip())
        super().save(*args, **kwargs)

    def commune_list(self) -> list[str]:
        return [line.strip() for line in self.communes.splitlines() if line.strip()]

    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
