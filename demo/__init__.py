"""The demo pilot: fictional people, non-profits, agreements, hours and payments.

The top floor of the layers (see README): it seeds every app through their own
services, so it may import any app; nothing imports it.
"""
