"""Spam protection that works offline, shared by every public form of a province site:
a honeypot field, a captcha (django-simple-captcha) and a per-IP rate limit."""

from captcha.fields import CaptchaAnswerInput, CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django import forms
from django.utils.translation import gettext_lazy as _

from . import challenges

CHALLENGE_KIND_FIELD = "loai_ma"


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS, aria-hidden) and naive bots fill in."""

    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Không gửi được thư này."))
        return ""


class CaptchaKeyInput(forms.HiddenInput):
    """The challenge's key: a hidden input carries none of the answer box's attributes
    (`required`, `aria-*`, `autocomplete` are not allowed on it)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"] = {key: val for key, val in context["widget"]["attrs"].items() if key == "id"}
        return context


class CitizenCaptchaInput(CaptchaTextInput):
    """The captcha as an image, or as a question in words (`kind`, see challenges.py)."""

    template_name = "captcha/widgets/captcha.html"

    def __init__(self, attrs=None, kind: str = challenges.IMAGE):
        super().__init__(attrs)
        self.widgets[0] = CaptchaKeyInput()
        self.widgets[1] = CaptchaAnswerInput(attrs)
        self.use_kind(kind)

    def use_kind(self, kind: str) -> None:
        self.kind = kind if kind in challenges.KINDS else challenges.IMAGE
        self.generator = challenges.words_challenge if self.kind == challenges.WORDS else None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["kind"] = self.kind
        if self.kind == challenges.WORDS:
            context["question"] = CaptchaStore.objects.get(hashkey=self._key).challenge
            # The question is what the answer box answers: screen readers announce it with the box.
            answer = context["widget"]["subwidgets"][1]["attrs"]
            context["question_id"] = f"{answer.get('id', 'captcha')}_cau_hoi"
            answer["aria-describedby"] = " ".join(
                filter(None, [context["question_id"], answer.get("aria-describedby")])
            )
        return context


class ProtectedForm(HoneypotMixin, forms.Form):
    """Honeypot plus captcha; the view adds the rate limit (see ratelimit.py)."""

    captcha = CaptchaField(
        label=_("Mã xác nhận"),
        help_text=_(
            "Không đọc được? Bấm «Đổi mã khác» hoặc «Trả lời câu hỏi bằng chữ» bên dưới nút gửi, "
            "hoặc gọi tổng đài 1900 9068."
        ),
        widget=CitizenCaptchaInput(attrs={"autocomplete": "off", "inputmode": "text"}),
        error_messages={"invalid": _("Mã xác nhận không đúng, vui lòng nhập lại.")},
    )
    loai_ma = forms.ChoiceField(
        choices=[(kind, kind) for kind in challenges.KINDS], required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        self.fields["captcha"].widget.use_kind(source.get(CHALLENGE_KIND_FIELD))
        self.challenge_kind = self.fields["captcha"].widget.kind
        if self.challenge_kind == challenges.WORDS:
            self.fields["captcha"].label = _("Câu hỏi xác nhận")
            self.fields["captcha"].help_text = _("Trả lời bằng chữ số, ví dụ 7.")
