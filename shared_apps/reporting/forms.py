from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERIODS = [(1, _("Quý 1")), (2, _("Quý 2")), (3, _("Quý 3")), (4, _("Quý 4")), (0, _("Cả năm"))]


class PeriodForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2011, max_value=2100)
    quarter = forms.TypedChoiceField(label=_("Kỳ"), choices=PERIODS, coerce=int)

    @classmethod
    def current(cls, data=None):
        today = timezone.localdate()
        last_quarter = (today.month - 1) // 3 or 4
        year = today.year if today.month > 3 else today.year - 1
        return cls(data or {"year": year, "quarter": last_quarter})


class NarrativeForm(forms.Form):
    narrative = forms.CharField(
        label=_("Đánh giá hoạt động trong kỳ"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
    next_plan = forms.CharField(label=_("Kế hoạch kỳ tới"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        widget=forms.RadioSelect,
        choices=[("chap-nhan", _("Chấp nhận")), ("tra-lai", _("Trả lại để bổ sung"))],
    )
    comment = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class AdHocAnswerForm(forms.Form):
    def __init__(self, *args, questions=(), initial_answers=(), **kwargs):
        super().__init__(*args, **kwargs)
        for index, question in enumerate(questions):
            initial = initial_answers[index] if index < len(initial_answers) else ""
            self.fields[f"q{index}"] = forms.CharField(
                label=question, widget=forms.Textarea(attrs={"rows": 3}), initial=initial, max_length=10000
            )

    def answers(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.fields]


class DossierItemForm(forms.Form):
    """One checklist item; the file is checked by content (PDF, JPEG, PNG) like citizens' uploads."""

    details = forms.CharField(label=_("Nội dung"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("Tệp (PDF, JPEG, PNG)"), required=False)

    def clean_file(self):
        from tenant_apps.online_services.uploads import check_upload

        upload = self.cleaned_data.get("file")
        if upload:
            check_upload(upload)
        return upload
