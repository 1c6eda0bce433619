"""Guidance: check-in conversations, goals, evaluation dates, "how are you doing?" and consent.

Floor 4 of the layers (see README), beside ``hours``: it uses ``accounts`` and
``agreements`` (whose places a coordinator guides), never ``hours``,
``payments`` or the pages above. The outcomes report and the research export
that combine it with hours and money live in ``reports``.
"""
