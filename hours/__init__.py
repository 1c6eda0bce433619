"""Hours, monthly timesheets, and their sign-off by the non-profit and Safe Almere.

Floor 4 of the layers (see README): uses ``accounts``, ``rules`` and
``agreements``. The money of hours comes from ``payments`` through
``hours.money``, which payments fills in at start-up; hours never imports it.
"""
