"""Dates as the Vietnamese administration writes them, dd/mm/yyyy (hh:mm after): Django's own "vi"
formats write "Ngày 01 tháng 12 năm 2026" and "01-12-2026", which is what Wagtail's listings, the
workflow reports and every `|date` without a format showed. Django reads this module before its own
(FORMAT_MODULE_PATH), one setting at a time: whatever is not here stays Django's."""

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "d/m"
YEAR_MONTH_FORMAT = "m/Y"
