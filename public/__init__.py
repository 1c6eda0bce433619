"""The pages for visitors: what a citizen job is, how to get one, and questions about money.

The top floor but one of the layers (see README): it reads the yearly maxima
from ``rules`` and hands a logged-in person on to their dashboard. It shows
nothing personal.
"""
