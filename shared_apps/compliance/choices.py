from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    """Mức độ of a checklist item, in the order a board should fix them."""

    CRITICAL = "nghiem-trong", _("Nghiêm trọng")
    MAJOR = "quan-trong", _("Quan trọng")
    ADVISORY = "khuyen-nghi", _("Khuyến nghị")


def severity_rank(severity: str) -> int:
    return Severity.values.index(severity)
