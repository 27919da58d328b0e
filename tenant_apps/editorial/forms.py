import datetime
from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import BoardMember


class BoardMemberForm(WagtailAdminModelForm):
    send_invitation = forms.BooleanField(
        label=_("Gửi thư mời tạo tài khoản"),
        required=False,
        initial=True,
        help_text=_("Thành viên nhận thư có liên kết để tự đặt mật khẩu."),
    )

    class Meta:
        model = BoardMember
        fields = ["full_name", "position", "role", "email", "is_active", "send_invitation"]


class RoyaltyContributionForm(WagtailAdminModelForm):
    """Nhuận bút in the admin: the coefficient is typed the Vietnamese way ("2,5")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        coefficient = self.fields["coefficient"]
        coefficient.localize = coefficient.widget.is_localized = True
        self.fields["page"].required = True
        self.fields["page"].error_messages["required"] = _("Hãy chọn tin, bài được hưởng nhuận bút.")
        self.fields["person"].error_messages["required"] = _("Hãy nhập họ và tên người hưởng nhuận bút.")
        coefficient.error_messages["required"] = _("Hãy nhập hệ số nhuận bút.")


class PeriodForm(forms.Form):
    """A statement period: a month (1–12) or a quarter (Q1–Q4) of a year."""

    PERIODS = [(str(m), f"Tháng {m}") for m in range(1, 13)] + [(f"Q{q}", f"Quý {q}") for q in range(1, 5)]
    period = forms.ChoiceField(label=_("Kỳ"), choices=PERIODS)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)

    @classmethod
    def from_query(cls, query) -> "PeriodForm":
        """Bound to the period the query names, or to this month when it names none."""
        if "period" in query or "year" in query:
            return cls(query)
        today = timezone.localdate()
        return cls({"period": str(today.month), "year": today.year})

    def query(self, **extra) -> str:
        """The query string of this (valid) period, with `extra` parameters."""
        return urlencode({"period": self.cleaned_data["period"], "year": self.cleaned_data["year"], **extra})

    def date_range(self) -> tuple[datetime.date, datetime.date]:
        period, year = self.cleaned_data["period"], self.cleaned_data["year"]
        if period.startswith("Q"):
            first_month = (int(period[1]) - 1) * 3 + 1
            last_month = first_month + 2
        else:
            first_month = last_month = int(period)
        start = datetime.date(year, first_month, 1)
        end = datetime.date(year + (last_month == 12), last_month % 12 + 1, 1) - datetime.timedelta(days=1)
        return start, end
