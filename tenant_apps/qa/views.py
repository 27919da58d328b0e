"""Admin view where the board answers a question."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .forms import ModerationForm
from .models import Question
from .services import publish_answer, reject_question, send_progress_note

HANDLERS = {
    "tra-loi": (publish_answer, "answer"),
    "tien-do": (send_progress_note, "note"),
    "tu-choi": (reject_question, "note"),
}


def moderate_question(request, pk: int):
    if not request.user.has_perm("qa.change_question"):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    form = ModerationForm(request.POST or None, initial={"answer": question.answer, "note": question.progress_note})
    if request.method == "POST" and form.is_valid():
        handler, field = HANDLERS[form.cleaned_data["action"]]
        handler(question, form.cleaned_data[field], request.user)
        messages.success(request, _("Đã xử lý câu hỏi %(code)s.") % {"code": question.tracking_code})
        return redirect("questions:index")
    return TemplateResponse(
        request,
        "qa/admin/moderate.html",
        {
            "question": question,
            "form": form,
            "page_title": _("Trả lời câu hỏi"),
        },
    )
