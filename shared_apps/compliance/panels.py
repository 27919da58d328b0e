"""The board's dashboard card: its score and what to fix first."""

from wagtail.admin.ui.components import Component

from tenants.schemas import current_province

from .selectors import latest_run, results_to_fix_first

PANEL_ITEMS = 3


class CompliancePanel(Component):
    name = "compliance"
    order = 40
    template_name = "compliance/panel.html"

    def get_context_data(self, parent_context):
        run = latest_run(current_province())
        return {"run": run, "to_fix": results_to_fix_first(run)[:PANEL_ITEMS] if run else []}
