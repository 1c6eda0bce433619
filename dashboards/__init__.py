"""Each role's home page and a person's page: what waits for whom, gathered from every app.

Top floor of the layers (see README): may use every app below; nothing imports
it, and it imports neither ``privacy`` nor ``reports``.
"""
