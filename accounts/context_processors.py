def roles(request):
    """The dashboards of the logged-in person, for the navigation."""
    from accounts.views import dashboards_for

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_dashboards": []}
    return {"nav_dashboards": dashboards_for(user)}
