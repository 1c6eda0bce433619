"""Each role's home page and a person's page: what waits for whom, gathered from every app.

A floor of its own above ``privacy`` and ``reports`` (see README): may use every
app below it; only the public pages and the demo stand above it.
"""
