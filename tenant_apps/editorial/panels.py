"""The board's dashboard panel (what is late or at risk, the timeliness rate, §8.1) and the
royalty form's amount panel."""

import datetime

from django.utils import timezone
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component

from .rules import royalty_unit_on, timeliness_rules
from .selectors import late_items_for_board, timeliness_rates, working_days_without_news


class TimelinessPanel(Component):
    name = "timeliness"
    order = 50
    template_name = "editorial/timeliness_panel.html"

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        rates = timeliness_rates(since=datetime.date(today.year - 1, 1, 1))
        return {
            "items": late_items_for_board(today),
            "rules": timeliness_rules(),
            "rates": [
                (period, rate.get("Tất cả"), rate.get("Văn bản"), rate.get("Tin"))
                for period, rate in sorted(rates.items(), key=lambda row: _period_key(row[0]), reverse=True)[:8]
            ],
            "quiet_days": working_days_without_news(30, today),
        }


def _period_key(period: str) -> tuple[int, int]:
    if period.startswith("Q"):
        quarter, year = period[1:].split("/")
        return int(year), int(quarter) * 3 + 1  # a quarter sorts after its last month
    month, year = period.split("/")
    return int(year), int(month)


class RoyaltyAmountPanel(Panel):
    """Thành tiền: the amount in đồng, which the law derives from the coefficient (never typed)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/royalty_amount_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = self.instance if self.instance.pk else None
            context["unit"] = royalty_unit_on((saved and saved.published_on) or timezone.localdate())
            context["amount"] = saved.amount if saved else None
            return context
