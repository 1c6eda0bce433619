import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

NO_SECRET_KEY = "Set SECRET_KEY (or DEBUG=1 for local development)."

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "burgerbaan.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402 - once the settings are configured

try:
    settings.SECRET_KEY  # noqa: B018 - Django refuses an empty key when it is read
except ImproperlyConfigured as exc:
    raise ImproperlyConfigured(NO_SECRET_KEY) from exc  # never serve without a key
