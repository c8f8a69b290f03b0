"""Settings, every one read from the environment (docs/deployment.md lists them).

The defaults make ``rightstrack demo`` work on a laptop: SQLite under ``var/``, a secret
key generated into ``var/secret_key`` on first use. A server sets ``DATABASE_URL``,
``RIGHTSTRACK_SECRET_KEY`` and ``RIGHTSTRACK_ALLOWED_HOSTS`` instead; no secret is ever in
the repository.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("RIGHTSTRACK_DATA_DIR", Path.cwd() / "var")).resolve()


def _secret_key() -> str:
    """The key from the environment, else one generated once into DATA_DIR (never committed)."""
    key = os.environ.get("RIGHTSTRACK_SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = _env_bool("RIGHTSTRACK_DEBUG")
ALLOWED_HOSTS = _env_list("RIGHTSTRACK_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = _env_list("RIGHTSTRACK_CSRF_TRUSTED_ORIGINS")

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'rightstrack.sqlite3'}"),
        conn_max_age=int(os.environ.get("RIGHTSTRACK_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Solid-state storage: random reads cost little more than sequential ones. Without this
    # PostgreSQL scans the whole table for a common search word instead of the GIN index.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c random_page_cost={os.environ.get('RIGHTSTRACK_PG_RANDOM_PAGE_COST', '1.1')}")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers work while one request writes; IMMEDIATE avoids "database is locked"
    # on upgrade from read to write inside a transaction.
    DATABASES["default"]["OPTIONS"] = {
        # A 64 MB page cache and memory-mapped reads: search and facets touch many pages.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
                        "PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "rightstrack.web.core",
    "rightstrack.web.agencies",
    "rightstrack.web.accounts",
    "rightstrack.web.reviews",
    "rightstrack.web.tracking",
    "rightstrack.web.portal",
    "rightstrack.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rightstrack.web.core.middleware.ChangeContextMiddleware",
]

ROOT_URLCONF = "rightstrack.web.urls"
WSGI_APPLICATION = "rightstrack.web.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rightstrack.web.accounts.context.role",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "reviews:home"
LOGOUT_REDIRECT_URL = "portal:index"
# Failed sign-ins allowed per user name and address within the window, then refused.
LOGIN_MAX_FAILURES = int(os.environ.get("RIGHTSTRACK_LOGIN_MAX_FAILURES", "5"))
LOGIN_WINDOW_SECONDS = int(os.environ.get("RIGHTSTRACK_LOGIN_WINDOW_SECONDS", "900"))
# Search facets of more matches than this are estimated from a sample (reviews/facets.py).
FACETS_EXACT_UP_TO = int(os.environ.get("RIGHTSTRACK_FACETS_EXACT_UP_TO", "3000"))

LANGUAGE_CODE = "en"
# Languages with a translation in rightstrack/web/locale/ (documents themselves may be in any).
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("RIGHTSTRACK_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("RIGHTSTRACK_STATIC_ROOT", DATA_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("RIGHTSTRACK_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"
# Collected (``rightstrack manage collectstatic``): compressed, hashed names, cached forever.
# Not collected (the demo): served straight from the package.
_COLLECTED = (STATIC_ROOT / "staticfiles.json").exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _COLLECTED else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _COLLECTED
try:  # WhiteNoise warns about a missing folder; a read-only location is fine, it stays empty
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
except OSError:
    pass
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Largest document or evidence file accepted, in bytes.
MAX_UPLOAD_SIZE = int(os.environ.get("RIGHTSTRACK_MAX_UPLOAD_SIZE", str(30 * 1024 * 1024)))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SECURE = _env_bool("RIGHTSTRACK_SECURE")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and _env_bool("RIGHTSTRACK_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rightstrack.web.api.permissions.RestrictedPermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "rightstrack.web.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "rightstrack API",
    "DESCRIPTION": "Documents, recommendations and questions, links, agencies and history of the "
                   "follow-up of UN human-rights recommendations. Errors: docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("RIGHTSTRACK_LOG_LEVEL", "WARNING")},
}
