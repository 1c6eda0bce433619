"""Volunteer agreements (person ↔ non-profit) and allowance agreements (person ↔ Safe Almere).

Floor 3 of the layers (see README): uses ``accounts`` and ``rules``; never
``hours``, ``payments`` or the pages above.
"""
