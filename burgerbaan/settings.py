"""Settings for burgerbaan, read from the environment.

Safe by default: DEBUG is off and cookies are secure unless the environment
says otherwise. Only ``make demo`` turns DEBUG on.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from burgerbaan.env import envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)

# Without DEBUG there is no default key. Commands that need none (makemigrations,
# compilemessages, collectstatic) still run; serving refuses (``burgerbaan.wsgi``, which
# gunicorn and runserver both load), and `check --deploy` warns.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-burgerbaan-local-development-only"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "import_export",
    "simple_history",
    "django_tasks_db",
    "accounts",
    "rules",
    "places",
    "sources",
    "agreements",
    "intake",
    "hours",
    "guidance",
    "payments",
    "dashboards",
    "privacy",
    "reports",
    "public",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.middleware.DutchUnlessChosenLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireMFAForStaffRoles",
    "simple_history.middleware.HistoryRequestMiddleware",
    "burgerbaan.middleware.DatabaseGoneMiddleware",
]

ROOT_URLCONF = "burgerbaan.urls"
WSGI_APPLICATION = "burgerbaan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dashboards.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's worker polls the same file while people use the app. WAL lets readers
    # and one writer work at once; IMMEDIATE takes the write lock when a transaction
    # starts, so a transaction that read first never fails on upgrading to a write (which
    # the busy timeout cannot wait out); and a writer waits for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": envint("SQLITE_BUSY_TIMEOUT", 20),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Shared between workers, so login rate limits hold across processes.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
# "/" is the visitors' page; someone who just logged out may want to log in again.
LOGOUT_REDIRECT_URL = "account_login"

# allauth: e-mail and password only; people join by invitation, never by sign-up.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Burgerbaan] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_TOTP_ISSUER = "Burgerbaan Almere"
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
# Keys that encrypt TOTP secrets and recovery seeds (Fernet, comma-separated; the
# first encrypts, all decrypt). Unset: derived from SECRET_KEY (README, "Two-step login").
MFA_ENCRYPTION_KEYS = envlist("MFA_ENCRYPTION_KEYS")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["burgerbaan.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if envbool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not envbool("STATIC_MANIFEST", not DEBUG)

# E-mail: the console while developing, SMTP in production (tests use locmem).
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Burgerbaan Almere <noreply@burgerbaan.test>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if DEBUG and not os.environ.get("EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": envint("EMAIL_PORT", 587),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": envbool("EMAIL_USE_TLS", True),
            },
        }
    }

# Security: strict unless DEBUG.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer's health check may ask over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_HSTS_SECONDS = 0 if DEBUG else envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
BEHIND_PROXY = envbool("BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# The client's address (login rate limits, the IP kept with each signature). Behind
# TRUSTED_PROXY_COUNT proxies of our own: the address the outermost one saw, that many
# entries from the end of X-Forwarded-For; entries before it come from the client and
# are never trusted. Or one header our proxy sets itself (CLIENT_IP_HEADER, e.g.
# X-Real-IP). Without a proxy: the address of the connection.
ALLAUTH_TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 1) if BEHIND_PROXY else 0
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = (
    os.environ.get("CLIENT_IP_HEADER") or None if BEHIND_PROXY else None
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Warnings and errors to the console (the process manager keeps them), and runserver's
# access log (`make demo`). Paths with a secret in them (invitation links, reset keys)
# are redacted first, on every handler.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_secrets": {"()": "burgerbaan.logs.RedactSecrets"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_secrets"],
            "level": "INFO",
        },
    },
    "loggers": {
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# How long an invitation link works.
INVITATION_DAYS = envint("INVITATION_DAYS", 7)
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
IMPORT_EXPORT_USE_TRANSACTIONS = True  # an import with an error anywhere imports nothing

# The SEPA credit transfer format of the batch files. pain.001.001.09 is what Dutch banks
# ask for; pain.001.001.03 stays for a bank that still needs it.
SEPA_PAIN_VERSIONS = ("pain.001.001.09", "pain.001.001.03")
SEPA_PAIN_VERSION = os.environ.get("SEPA_PAIN_VERSION", "") or SEPA_PAIN_VERSIONS[0]
if SEPA_PAIN_VERSION not in SEPA_PAIN_VERSIONS:
    raise ImproperlyConfigured(
        f"SEPA_PAIN_VERSION must be one of {', '.join(SEPA_PAIN_VERSIONS)}, "
        f"got {SEPA_PAIN_VERSION!r}"
    )

# Background jobs (Django's tasks framework): run the worker with `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Guidance: coordinators are reminded when someone has had no check-in conversation this long.
CHECKIN_REMINDER_MONTHS = envint("CHECKIN_REMINDER_MONTHS", 3)
# Applications that led nowhere (not placed, withdrawn) are deleted after this many days.
APPLICATION_RETENTION_DAYS = envint("APPLICATION_RETENTION_DAYS", 90)
# The public application form: a person needs at least this many seconds to fill it in,
# and one address sends at most this many applications an hour.
APPLICATION_MIN_SECONDS = envint("APPLICATION_MIN_SECONDS", 5)
APPLICATIONS_PER_HOUR = envint("APPLICATIONS_PER_HOUR", 5)
# The key of the research codes per person (an HMAC); empty: the SECRET_KEY.
RESEARCH_KEY = os.environ.get("RESEARCH_KEY", "")
