"""The bank statement (CAMT.053): paid and returned payments, money received.

On the floor with ``privacy`` and ``reports`` (see README): uses ``payments``
and ``sources`` through their services; nothing below imports it.
"""
