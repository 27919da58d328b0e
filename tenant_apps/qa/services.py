"""Receiving, assigning, answering and rejecting questions; the asker hears by e-mail."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from tenant_apps.pages.sanitising import clean_html
from tenants.schemas import current_province
from tenants.urls import absolute_url

from .models import Question, QuestionIndexPage


def _notify(question: Question, subject: str, body: str) -> None:
    if question.email:
        transaction.on_commit(
            lambda: send_mail(
                subject=subject, message=body, from_email=None, recipient_list=[question.email], fail_silently=False
            )
        )


@transaction.atomic
def receive_question(data: dict, page: QuestionIndexPage) -> Question:
    question = Question.objects.create(
        page=page, **{key: data[key] for key in ("asker_name", "email", "phone", "commune", "topic", "title", "body")}
    )
    _notify(
        question,
        f"Đã nhận câu hỏi {question.tracking_code}",
        f"{current_province().office_name} đã nhận câu hỏi «{question.title}» (mã {question.tracking_code}). "
        "Câu hỏi được trả lời hoặc báo tiến độ trong 10 ngày.",
    )
    return question


@transaction.atomic
def publish_answer(question: Question, answer_html: str, user) -> Question:
    """Answer publicly (rich text from the admin editor, cleaned again here); the asker receives the link."""
    now = timezone.now()
    question.answer = clean_html(answer_html)
    question.status = Question.Status.PUBLISHED
    question.assigned_to = question.assigned_to or user
    question.answered_at = now
    question.replied_at = question.replied_at or now
    question.save()
    _notify(
        question,
        f"Trả lời câu hỏi {question.tracking_code}",
        f"Câu hỏi «{question.title}» đã được trả lời: {absolute_url(None, question.url)}",
    )
    return question


@transaction.atomic
def send_progress_note(question: Question, note: str, user) -> Question:
    question.progress_note = note
    question.status = Question.Status.ASSIGNED
    question.assigned_to = question.assigned_to or user
    question.replied_at = question.replied_at or timezone.now()
    question.save()
    _notify(question, f"Tiến độ trả lời câu hỏi {question.tracking_code}", note)
    return question


@transaction.atomic
def reject_question(question: Question, reason: str, user) -> Question:
    question.status = Question.Status.REJECTED
    question.rejection_reason = reason[:300]
    question.assigned_to = question.assigned_to or user
    question.replied_at = question.replied_at or timezone.now()
    question.save()
    _notify(question, f"Câu hỏi {question.tracking_code}", f"Câu hỏi không được trả lời công khai: {reason}")
    return question
