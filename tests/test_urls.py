from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse


def _names(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.regex.groups:
            yield namespace + entry.name


def test_every_page_without_arguments_is_reached_at_its_own_address():
    """Two apps claiming one address hide one page behind the other (the personal data
    page once hid the profile form)."""
    shadowed = []
    for name in set(_names(get_resolver())):
        try:
            path = reverse(name)
        except NoReverseMatch:  # needs arguments from an enclosing pattern
            continue
        if resolve(path).view_name != name:
            shadowed.append(f"{name} ({path}) is answered by {resolve(path).view_name}")
    assert not shadowed, shadowed
