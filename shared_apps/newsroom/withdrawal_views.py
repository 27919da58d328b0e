"""Central admin views of "Gỡ tin" and "Đính chính", and their completion reports (services/withdrawals.py).

Central only: URLs scoped to the central host (wagtail_hooks.py, 404 on a province's), and every
view refused (403) to anyone but the central office's superusers.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from tenants.viewsets import CentralOnlyPolicy

from .errors import NewsroomError
from .models import NationalNotice, SyndicatedItem
from .services import withdrawals
from .views import policy_required

NOTICE_POLICY = CentralOnlyPolicy(NationalNotice, {"view", "add"})


class NoticeForm(forms.Form):
    text = forms.CharField(
        max_length=withdrawals.NOTICE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Nội dung dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d).")},
    )

    def __init__(self, *args, label: str, required_message: str, help_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label, field.help_text = label, help_text
        field.error_messages["required"] = required_message


ACTIONS = {
    NationalNotice.Kind.WITHDRAWAL: {
        "title": _("Gỡ tin"),
        "label": _("Lý do gỡ tin (công khai)"),
        "required": _("Hãy nhập lý do gỡ tin: lý do được hiển thị cho người đọc."),
        "help": _(
            "Bài gốc và bản đăng lại ở mọi tỉnh vẫn giữ địa chỉ nhưng chỉ hiển thị thông báo gỡ tin với lý do này; "
            "tin ra khỏi danh sách, tìm kiếm, RSS/Atom và sơ đồ trang. Khác với «Ngừng đăng» (dùng khi đăng nhầm)."
        ),
        "button": _("Gỡ tin ở mọi tỉnh"),
        "service": withdrawals.withdraw_item,
        "done": _("Đã gỡ «%(title)s»; việc gỡ đang được chuyển tới các tỉnh."),
    },
    NationalNotice.Kind.CORRECTION: {
        "title": _("Đính chính"),
        "label": _("Nội dung đính chính"),
        "required": _("Hãy nhập nội dung đính chính (thông tin đã sửa lại)."),
        "help": _("Thông báo đính chính kèm ngày được thêm vào bài gốc và bản đăng lại ở mọi tỉnh đã nhận tin."),
        "button": _("Đính chính ở mọi tỉnh"),
        "service": withdrawals.correct_item,
        "done": _("Đã đính chính «%(title)s»; đính chính đang được chuyển tới các tỉnh."),
    },
}


def _notice_action(request, page_id: int, kind: str):
    action = ACTIONS[kind]
    item = get_object_or_404(SyndicatedItem, central_page_id=page_id)
    form_kwargs = {"label": action["label"], "required_message": action["required"], "help_text": action["help"]}
    form = NoticeForm(request.POST or None, **form_kwargs)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                notice = action["service"](item, form.cleaned_data["text"], user=request.user)
            except NewsroomError as error:
                form.add_error("text", str(error))
            else:
                messages.success(request, action["done"] % {"title": item.title})
                return redirect("newsroom_notice_report", pk=notice.pk)
        status = 400
    return TemplateResponse(
        request,
        "newsroom/admin/notice_form.html",
        {
            "page_title": f"{action['title']}: {item.title}",
            "item": item,
            "form": form,
            "button": action["button"],
            "history": item.notices.all(),
        },
        status=status,
    )


@policy_required(NOTICE_POLICY, "add")
def withdraw(request, page_id: int):
    return _notice_action(request, page_id, NationalNotice.Kind.WITHDRAWAL)


@policy_required(NOTICE_POLICY, "add")
def correct(request, page_id: int):
    return _notice_action(request, page_id, NationalNotice.Kind.CORRECTION)


@policy_required(NOTICE_POLICY, "view")
def notice_report(request, pk: int):
    notice = get_object_or_404(NationalNotice.objects.select_related("item"), pk=pk)
    return TemplateResponse(
        request,
        "newsroom/admin/notice_report.html",
        {
            "page_title": _("Báo cáo hoàn tất: %(kind)s «%(title)s»")
            % {"kind": notice.get_kind_display().lower(), "title": notice.item.title},
            "report": withdrawals.cascade_report(notice),
        },
    )


@policy_required(NOTICE_POLICY, "view")
def notice_list(request):
    return TemplateResponse(
        request,
        "newsroom/admin/notice_list.html",
        {"page_title": _("Gỡ tin và đính chính"), "notices": withdrawals.recent_notices()},
    )
