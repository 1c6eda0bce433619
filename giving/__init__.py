"""Giving to the pilot: the public donation page with an EPC QR code, and its poster.

Top floor of the layers with the other public pages (see README): may use every
app below; nothing imports it.
"""
