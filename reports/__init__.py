"""The year report, exports and imports, the audit export and yearly statements.

Top floor of the layers (see README): may use every app below; nothing
imports it, and it imports neither ``dashboards`` nor ``privacy``.
"""
