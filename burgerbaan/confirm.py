"""One clear step before something that cannot be undone.

A view that changes something for good first answers with a confirm page: what
will happen, to what, and two buttons. Only a POST that carries ``bevestigd``
(sent by that page's button) goes through. No browser dialog: the CSP forbids
inline scripts, and a screen reader or a phone may hide such a dialog.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.shortcuts import render

CONFIRMED = "bevestigd"


@dataclass
class Confirm:
    title: str
    button: str
    back: str
    lines: Iterable[str] = ()
    items: Iterable[str] = ()
    warning: str = ""
    # What will not happen, under its own heading (e.g. days that are skipped).
    aside_title: str = ""
    aside: Iterable[str] = ()
    # The form's own values, sent again with the confirmation: (name, value) pairs.
    fields: Iterable[tuple[str, object]] = field(default_factory=list)
    action: str = ""


def confirmed(request) -> bool:
    return request.method == "POST" and request.POST.get(CONFIRMED) == "1"


def ask(request, confirm: Confirm, *, status: int = 200):
    return render(request, "confirm.html", {"confirm": confirm}, status=status)
