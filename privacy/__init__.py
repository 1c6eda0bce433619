"""Personal data: a burgerbaner's download of everything held about them, and anonymisation.

Top floor of the layers (see README): it reads and scrubs the records of every
app below; nothing imports it, and it imports neither ``dashboards`` nor ``reports``.
"""
