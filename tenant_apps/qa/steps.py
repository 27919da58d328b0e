"""The Q&A app's steps for the kernel's hook points (tenants/steps.py): the questions and answers that
a merge moves into the receiving province's Q&A page, each with a 301 from its old address."""

from wagtail import hooks

from tenant_apps.pages.merging import Links, redirect_old_path, relink_rich_text_rows, site_path
from tenants.steps import MERGE_PROVINCES, ProvinceMerge

from .models import Question, QuestionIndexPage

COPIED_FIELDS = (
    "tracking_code",
    "asker_name",
    "email",
    "phone",
    "commune",
    "topic",
    "title",
    "body",
    "status",
    "progress_note",
    "answer",
    "rejection_reason",
    "created_at",
    "replied_at",
    "answered_at",
    "view_count",
)

# What `move_questions` remembers for an answer with a link to a page not copied yet (pages/merging.py).
RELINK_ANSWER = "qa.question.relink"


@hooks.register(MERGE_PROVINCES, order=140)
def move_questions(merge: ProvinceMerge) -> None:
    with merge.in_source():
        questions = [
            (
                question.pk,
                {name: getattr(question, name) for name in COPIED_FIELDS},
                site_path(question.page) + question.page.reverse_subpage("question", args=[question.pk]),
            )
            for question in Question.objects.select_related("page")
        ]
    page = QuestionIndexPage.objects.order_by("path").first()
    moved = 0
    for pk, values, old_path in questions:
        if merge.moved("qa.question", pk):
            continue
        if Question.objects.filter(tracking_code=values["tracking_code"]).exists():
            values.pop("tracking_code")  # a new code; the old one belongs to a question of the receiving province
        links = Links(merge)
        question = Question(page=page, **{**values, "answer": links.rich_text(values["answer"])})
        question.save()
        if links.missing:  # a link to a page copied later, or never: the second pass (order 191) sets it
            merge.remember(RELINK_ANSWER, pk, question.pk)
        Question.objects.filter(pk=question.pk).update(created_at=values["created_at"])  # auto_now_add
        merge.remember("qa.question", pk, question.pk)
        redirect_old_path(old_path, link=site_path(page) + page.reverse_subpage("question", args=[question.pk]))
        moved += 1
    merge.report(f"Hỏi đáp: {moved} câu hỏi → {merge.target}")


@hooks.register(MERGE_PROVINCES, order=191)
def relink_answers(merge: ProvinceMerge) -> None:
    """After every step that copies pages: the answers' links to pages, or their text for a page that
    never moves (reported for the board)."""
    relink_rich_text_rows(merge, RELINK_ANSWER, Question, "answer", lambda question: f"câu hỏi «{question.title}»")
