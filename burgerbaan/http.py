"""What the pilot knows of a request's origin."""

from allauth.account.adapter import get_adapter


def client_ip(request) -> str:
    """The client's address, as the login rate limits see it.

    One answer for everything that records or limits by address: behind a
    proxy only the proxies we trust are believed (settings: BEHIND_PROXY,
    TRUSTED_PROXY_COUNT, CLIENT_IP_HEADER). Refuses (403) a request whose
    address cannot be told, as allauth's login does.
    """
    return get_adapter(request).get_client_ip(request)
