"""The board's publishing workflow: draft → editor review → head of board approval → published."""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from .roles import DEPUTY_HEAD, EDITOR, HEAD_OF_BOARD

WORKFLOW_NAME = "Quy trình duyệt tin bài, văn bản"
REVIEW_TASK = "Biên tập viên duyệt"
APPROVAL_TASK = "Trưởng ban phê duyệt"


def _task(name: str, groups: list[Group]) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first() or GroupApprovalTask.objects.create(name=name)
    task.groups.set(groups)
    return task


def ensure_publishing_workflow(*sections: Page) -> Workflow:
    """Create (or reset) the two-step workflow and assign it to `sections` (news and documents)."""
    groups = {role.name: Group.objects.get(name=role.name) for role in (HEAD_OF_BOARD, DEPUTY_HEAD, EDITOR)}
    review = _task(REVIEW_TASK, [groups[EDITOR.name], groups[DEPUTY_HEAD.name], groups[HEAD_OF_BOARD.name]])
    approval = _task(APPROVAL_TASK, [groups[HEAD_OF_BOARD.name], groups[DEPUTY_HEAD.name]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.bulk_create(
        [
            WorkflowTask(workflow=workflow, task=review, sort_order=0),
            WorkflowTask(workflow=workflow, task=approval, sort_order=1),
        ]
    )
    # Wagtail's own "Moderators approval" workflow belongs to a group the board replaces.
    WorkflowPage.objects.exclude(workflow=workflow).delete()
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)
    for section in sections:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow
