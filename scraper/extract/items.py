"""The article item's shape, as fixed by the public contract."""

# Keys every article item carries, in the order exports show them.
ARTICLE_FIELDS = (
    "id",
    "site",
    "city",
    "url",
    "title",
    "subtitle",
    "lead",
    "body_text",
    "body_html",
    "language",
    "published_at",
    "modified_at",
    "publisher",
    "author",
    "modified_by",
    "tags",
    "attachments",
    "images",
    "revitalisation",
    "topics",
    "fetched_at",
    "http_status",
    "content_sha256",
    "extraction",
)
ATTACHMENT_FIELDS = ("url", "filename", "title", "type", "size_bytes")
IMAGE_FIELDS = ("url", "caption", "credit")

# Fields that describe the article itself (as opposed to the fetch): a change
# in any of them is a new version of the article.
CONTENT_FIELDS = tuple(
    name
    for name in ARTICLE_FIELDS
    if name not in ("id", "site", "city", "fetched_at", "http_status", "content_sha256", "extraction")
)

# The raw fetch rides along with the item under this key until the archive
# pipeline stores it in `pages`; feed exports never see it.
PAGE_KEY = "_page"
