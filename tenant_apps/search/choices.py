"""What a search result is, as the results page labels it and the kind filter names it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PROCEDURE = "thu-tuc", _("Thủ tục")
    SERVICE = "dich-vu-cong", _("Dịch vụ công")
    QUESTION = "hoi-dap", _("Hỏi đáp")
    DOCUMENT = "van-ban", _("Văn bản")
    NEWS = "tin-tuc", _("Tin tức")
    OFFICE = "co-quan", _("Cơ quan BHXH")
    PAGE = "trang", _("Trang")


# What a citizen can do comes first: procedures and online services rank above news, more so
# for a task-like query ("thủ tục…", "đăng ký…", "cấp lại…"; see query.TASK_WORDS).
KIND_WEIGHTS = {
    Kind.PROCEDURE: 1.25,
    Kind.SERVICE: 1.2,
    Kind.QUESTION: 1.05,
    Kind.DOCUMENT: 1.0,
    Kind.OFFICE: 1.0,
    Kind.PAGE: 0.95,
    Kind.NEWS: 0.85,
}
TASK_KIND_WEIGHTS = {**KIND_WEIGHTS, Kind.PROCEDURE: 1.6, Kind.SERVICE: 1.5, Kind.QUESTION: 1.1, Kind.NEWS: 0.7}
