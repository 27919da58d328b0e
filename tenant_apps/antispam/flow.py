"""The one flow of every citizen form page (biểu mẫu của người dân), in the style of Wagtail's
`FormMixin`: `serve_form()` runs it, pages override the hooks.

GET shows the form. A POST from a «new captcha» button (`doi-ma`) shows it again, unbound,
with what was typed and a new challenge of the kind asked for. Any other POST binds it; refuses
it when the page takes no submissions now or this address reached a limit; validates (honeypot,
captcha, fields); counts the outcome; calls `process_form_submission()` and answers with
`render_landing_page()` (by default a redirect, POST/redirect/GET). Every answer says
`Cache-Control: no-store` and friends: forms carry what citizens typed, receipts and lookup
results their personal data.

Accepted and refused submissions are counted apart, per address: a few mistyped captchas must
not lock a citizen out, while a flood of either kind still is (issue 15.7).

A submission that cannot be stored (a full or unwritable disk, a lost file server) is not lost in a
bare 500: the service's transaction has rolled back, the citizen gets the form again with what they
typed and a line saying nothing was sent, and the operators get an error in the log (issue 15.4).
"""

from __future__ import annotations

import logging

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from . import ratelimit
from .forms import CHALLENGE_KIND_FIELD

NEW_CHALLENGE = "doi-ma"  # a submit button asking for another captcha; its value is the kind (challenges.py)
# What a new challenge does not carry over from what was typed.
NOT_KEPT = {"csrfmiddlewaretoken", "captcha_0", "captcha_1", "website", NEW_CHALLENGE}
REFUSED = "sai"  # submissions refused by validation: a mistyped captcha, the honeypot, a wrong field
# (refused submissions, per seconds) from one address before the form stops answering it.
REFUSED_RATE_LIMIT = (20, 600)
REFUSED_TOO_OFTEN = _("Bạn đã gửi thông tin chưa hợp lệ quá nhiều lần. Vui lòng thử lại sau ít phút.")
NOT_STORED = _(
    "Chưa gửi được: hệ thống đang gặp sự cố khi lưu hồ sơ nên chưa có thông tin nào được gửi đi. "
    "Những gì bạn đã nhập vẫn còn dưới đây (tệp đính kèm cần chọn lại); vui lòng gửi lại sau ít phút."
)
SENT_PARAMETER = "da-gui"
logger = logging.getLogger(__name__)


class CitizenFormMixin:
    """Mixin of a Wagtail page that serves a citizen form.

    Set `rate_limit_scope` and `rate_limited_message`; override `get_form_class()` (or
    `get_form()`) and `process_form_submission()`; override `render_landing_page()` to answer
    other than with a redirect to `?da-gui=1`. A routable page calls `serve_form()` from its route.
    """

    rate_limit_scope: str
    rate_limited_message: str
    # (accepted submissions, per seconds) from one address
    rate_limit: tuple[int, int] = (ratelimit.DEFAULT_LIMIT, ratelimit.DEFAULT_WINDOW_SECONDS)

    def serve(self, request, *args, **kwargs):
        return self.serve_form(request)

    def serve_form(self, request):
        if request.method != "POST":
            response = self.render_form(request, self.get_form())
        elif NEW_CHALLENGE in request.POST:
            response = self.render_form(request, self.get_form(initial=typed_values(request)))
        else:
            form = self.get_form(request.POST, request.FILES)
            refusal = self.submissions_closed_message() or self._limit_reached_message(request)
            if refusal:
                form.add_error(None, refusal)
            elif not form.is_valid():
                ratelimit.count(request, self.rate_limit_scope, REFUSED, REFUSED_RATE_LIMIT[1])
            elif not ratelimit.allow_submission(request, self.rate_limit_scope, *self.rate_limit):
                form.add_error(None, self.rate_limited_message)
            else:
                try:
                    submission = self.process_form_submission(form)
                except OSError:
                    logger.exception("citizen form %s: the submission could not be stored", self.rate_limit_scope)
                    form.add_error(None, NOT_STORED)
                    return self._no_store(self.render_form(request, form, status=503))
                return self._no_store(self.render_landing_page(request, submission, form=form))
            response = self.render_form(request, form)
        return self._no_store(response)

    # --- Hooks --------------------------------------------------------------------------

    def get_form_class(self):
        raise NotImplementedError

    def get_form(self, *args, **kwargs):
        return self.get_form_class()(*args, **kwargs)

    def submissions_closed_message(self) -> str | None:
        """Why this page takes no submission at all now (e.g. a consultation that ended)."""
        return None

    def process_form_submission(self, form):
        raise NotImplementedError

    def render_landing_page(self, request, form_submission=None, *args, form=None, **kwargs):
        """After an accepted submission: back to the page, which thanks the citizen (`sent`)."""
        return redirect(f"{self.url}?{SENT_PARAMETER}=1")

    def get_form_template(self, request):
        return self.get_template(request)

    def render_form(self, request, form, status: int = 200, **context_overrides):
        context = self.get_context(request)
        context.update(form=form, sent=request.GET.get(SENT_PARAMETER) == "1", **context_overrides)
        return TemplateResponse(request, self.get_form_template(request), context, status=status)

    # --- The flow's own steps -----------------------------------------------------------

    def _limit_reached_message(self, request) -> str | None:
        counted = ratelimit.counts(request, self.rate_limit_scope, (ratelimit.SENT, REFUSED))
        if counted is None:
            return None
        if counted[ratelimit.SENT] >= self.rate_limit[0]:
            return self.rate_limited_message
        if counted[REFUSED] >= REFUSED_RATE_LIMIT[0]:
            return REFUSED_TOO_OFTEN
        return None

    @staticmethod
    def _no_store(response):
        add_never_cache_headers(response)
        return response


def typed_values(request) -> dict:
    """What the citizen typed, as the initial values of a form shown again with a new captcha
    (files cannot be kept); the kind of captcha they asked for."""
    values = {
        name: values if len(values) > 1 else values[0] for name, values in request.POST.lists() if name not in NOT_KEPT
    }
    values[CHALLENGE_KIND_FIELD] = request.POST[NEW_CHALLENGE]
    return values
