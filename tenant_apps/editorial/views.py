"""Admin views of the board (royalty statements) and the public invitation page."""

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .exports import royalty_statement_xlsx
from .forms import PeriodForm
from .models import BoardMember
from .selectors import overdue_royalties, royalty_statement
from .services import accept_invitation, approve_royalties


def royalty_statements(request):
    """Bảng kê nhuận bút for a month or a quarter; the head of board approves and exports it."""
    if not request.user.has_perm("editorial.approve_royalties"):
        messages.error(request, _("Chỉ Trưởng ban được duyệt và xuất bảng kê nhuận bút."))
        return redirect("wagtailadmin_home")
    form = PeriodForm.from_query(request.GET)
    lines, start, end, export_query = [], None, None, ""
    if form.is_valid():
        start, end = form.date_range()
        lines = royalty_statement(start, end)
        if request.method == "POST" and "duyet" in request.POST:
            count = approve_royalties([item for line in lines for item in line.items], request.user.get_username())
            messages.success(request, _("Đã duyệt %(count)s khoản nhuận bút.") % {"count": count})
            return redirect(f"{request.path}?{form.query()}")
        if request.GET.get("xuat") == "xlsx":
            content = royalty_statement_xlsx(lines, start, end, connection.tenant.office_name)
            response = HttpResponse(
                content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
            response["Content-Disposition"] = f'attachment; filename="bang-ke-nhuan-but-{start:%Y-%m}.xlsx"'
            return response
        export_query = form.query(xuat="xlsx")
    return TemplateResponse(
        request,
        "editorial/royalty_statements.html",
        {
            "form": form,
            "lines": lines,
            "start": start,
            "end": end,
            "export_query": export_query,
            "overdue": overdue_royalties(),
            "grand_total": sum((line.total for line in lines), 0),
            "page_title": _("Bảng kê nhuận bút"),
        },
    )


class AcceptInvitationView(PasswordResetConfirmView):
    """Lời mời tham gia Ban Biên tập: the invited member sets a password, then signs in."""

    template_name = "editorial/accept_invitation.html"
    success_url = "/admin/"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    reset_url_token = "dat-mat-khau"

    def form_valid(self, form):
        response = super().form_valid(form)
        member = BoardMember.objects.filter(user=form.user).first()
        if member:
            accept_invitation(member)
        return response
