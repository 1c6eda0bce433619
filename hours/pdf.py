"""The urenoverzicht as PDF: what the pilot used to sign on paper."""

from burgerbaan.pdf import template_pdf
from hours.models import Timesheet, TimesheetStep


def timesheet_pdf(timesheet: Timesheet) -> bytes:
    entries = list(timesheet.entries.select_related("agreement"))
    steps = list(timesheet.steps.select_related("by"))
    last = {}
    for step in steps:  # the latest of each kind counts (a rejected month is signed again)
        last[step.action] = step
    return template_pdf(
        "hours/pdf/timesheet.html",
        {
            "timesheet": timesheet,
            "entries": entries,
            "total": sum((e.hours for e in entries), 0),
            "approved": last.get(TimesheetStep.Action.APPROVE),
            "countersigned": last.get(TimesheetStep.Action.COUNTERSIGN),
            "status_is_signed": timesheet.status in ("approved", "countersigned"),
        },
    )
