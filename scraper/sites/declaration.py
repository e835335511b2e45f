"""What one site is (the Site dataclass) and how a sites.toml file becomes Sites, validated key by key."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import cssselect

NAME = re.compile(r"[a-z][a-z0-9_-]*")
MODULE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
KINDS = ("html", "wordpress")
# The CSS selectors a site may declare for its own pages (all optional).
LISTING_SELECTORS = ("article_links",)
ARTICLE_SELECTORS = ("title", "subtitle", "lead", "body", "meta", "tags")
TOPIC_KEYS = {"name", "pattern", "case_sensitive", "literal"}
# What a declared label's value is (the roles of scraper/extract/labels.py).
LABEL_ROLES = ("published", "modified", "author", "modified_by", "source")


class SitesError(ValueError):
    """A sites file that cannot be used: the message names the file, the site and the key."""


@dataclass(frozen=True)
class TopicTerm:
    """A revitalisation term of one site's own (a programme's or a place's name)."""

    name: str
    pattern: re.Pattern
    case_sensitive: bool = False
    # A substring every match contains: rules most texts out before the regex runs.
    literal: str | None = None


@dataclass(frozen=True)
class Site:
    """One city website and how its URLs carry the article id."""

    name: str
    city: str
    publisher: str
    hosts: tuple[str, ...]
    start_urls: tuple[str, ...]
    article_path: re.Pattern
    canonical_template: str
    listing_path: re.Pattern
    # Whole section is revitalisation news (Gdynia's /rewitalizacja).
    all_revitalisation: bool = False
    kind: str = "html"
    api: str | None = None
    # Dotted module holding the site's page objects; None: the generic layers alone.
    page_objects: str | None = None
    listing_selectors: dict[str, str] = field(default_factory=dict, hash=False)
    article_selectors: dict[str, str] = field(default_factory=dict, hash=False)
    # Extra metadata labels, label text -> role ("Dodał" -> "author").
    labels: dict[str, str] = field(default_factory=dict, hash=False)
    chrome: tuple[str, ...] = ()
    storage_paths: tuple[str, ...] = ()
    # Other hosts the site's attachments are served from (a CDN, a documents server); fetched like its own.
    storage_hosts: tuple[str, ...] = ()
    topics: tuple[TopicTerm, ...] = ()
    # Scrapy settings for this site's spider (a slower DOWNLOAD_DELAY, say); KRONIKA_SITE_SETTINGS wins over them.
    scrapy_settings: dict[str, object] = field(default_factory=dict, hash=False)
    source: str = ""

    @property
    def start_url(self) -> str:
        return self.start_urls[0]

    def article_id(self, url: str) -> str | None:
        """The site's own article id in `url`, or None if `url` is no article."""
        parts = urlsplit(url)
        if parts.hostname not in self.hosts:
            return None
        match = self.article_path.fullmatch(parts.path)
        return match.group("id") if match else None

    def is_listing(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.hostname in self.hosts and bool(self.listing_path.fullmatch(parts.path))

    def canonical_url(self, url: str) -> str | None:
        """The live URL Kronika stores for the article at `url` (host prefix normalised)."""
        parts = urlsplit(url)
        match = self.article_path.fullmatch(parts.path) if parts.hostname in self.hosts else None
        if not match:
            return None
        return self.canonical_template.format(**match.groupdict())


def load_sites(paths) -> dict[str, Site]:
    """Sites from each file in turn; a later file's site replaces an earlier one of the same name."""
    sites: dict[str, Site] = {}
    for path in paths:
        sites |= read_sites_file(Path(path))
    hosts: dict[str, str] = {}
    for site in sites.values():
        for host in site.hosts:
            if host in hosts:
                raise SitesError(
                    f'{site.source}: site "{site.name}": key "hosts": {host} is already a host of site "{hosts[host]}"'
                )
            hosts[host] = site.name
    return sites


def read_sites_file(path: Path) -> dict[str, Site]:
    try:
        with open(path, "rb") as handle:
            tables = tomllib.load(handle)
    except OSError as error:
        raise SitesError(f"{path}: cannot read the sites file ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise SitesError(f"{path}: not valid TOML ({error})") from None
    sites = {}
    for name, table in tables.items():
        if not NAME.fullmatch(name) or not isinstance(table, dict):
            raise SitesError(f'{path}: site "{name}": a site is a table named in lower-case letters, digits, - and _')
        sites[name] = SiteReader(path, name, table).site()
    return sites


class SiteReader:
    """Reads one site's table; every problem is a SitesError naming the file, the site and the key."""

    REQUIRED = ("city", "publisher", "hosts", "start_urls", "article_url", "canonical_url", "listing_url")
    OPTIONAL = (
        "all_revitalisation",
        "kind",
        "api",
        "page_objects",
        "listing",
        "article",
        "chrome",
        "storage_paths",
        "storage_hosts",
        "topics",
        "settings",
        "labels",
    )

    def __init__(self, path: Path, name: str, table: dict):
        self.path, self.name, self.table = path, name, table

    def fail(self, key: str, problem: str):
        raise SitesError(f'{self.path}: site "{self.name}": key "{key}": {problem}')

    def site(self) -> Site:
        unknown = sorted(set(self.table) - set(self.REQUIRED) - set(self.OPTIONAL))
        if unknown:
            self.fail(unknown[0], f"unknown key (known: {', '.join(self.REQUIRED + self.OPTIONAL)})")
        for key in self.REQUIRED:
            if key not in self.table:
                self.fail(key, "required")
        hosts = self.hosts()
        article_path = self.regex("article_url", with_id=True)
        return Site(
            name=self.name,
            city=self.text("city"),
            publisher=self.text("publisher"),
            hosts=hosts,
            start_urls=self.start_urls(hosts),
            article_path=article_path,
            canonical_template=self.template(article_path),
            listing_path=self.regex("listing_url"),
            all_revitalisation=self.flag("all_revitalisation"),
            kind=self.choice("kind", KINDS),
            api=self.url("api") if "api" in self.table else None,
            page_objects=self.module("page_objects"),
            listing_selectors=self.selectors("listing", LISTING_SELECTORS),
            article_selectors=self.selectors("article", ARTICLE_SELECTORS),
            labels=self.labels(),
            chrome=self.words("chrome"),
            storage_paths=self.paths("storage_paths"),
            storage_hosts=self.hosts("storage_hosts", required=False),
            topics=self.topics(),
            scrapy_settings=self.scrapy_settings(),
            source=str(self.path),
        )

    def text(self, key: str, value=None) -> str:
        value = self.table.get(key) if value is None else value
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "must be a non-empty string")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.fail(key, "must be a list of non-empty strings")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.table.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.table.get(key, choices[0])
        if value not in choices:
            self.fail(key, f"must be one of {', '.join(choices)}")
        return value

    def hosts(self, key: str = "hosts", required: bool = True) -> tuple[str, ...]:
        hosts = self.strings(key)
        if required and not hosts:
            self.fail(key, "needs at least one host")
        for host in hosts:
            if host != host.lower() or "/" in host or ":" in host or " " in host:
                self.fail(key, f"{host!r} is not a lower-case host name")
        return hosts

    def url(self, key: str, value: str | None = None) -> str:
        value = self.text(key, value)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self.fail(key, f"{value!r} is not an http(s) URL")
        return value

    def start_urls(self, hosts: tuple[str, ...]) -> tuple[str, ...]:
        urls = self.strings("start_urls")
        if not urls:
            self.fail("start_urls", "needs at least one URL")
        for url in urls:
            if urlsplit(self.url("start_urls", url)).hostname not in hosts:
                self.fail("start_urls", f"{url} is on none of the site's hosts")
        return urls

    def regex(self, key: str, with_id: bool = False) -> re.Pattern:
        try:
            pattern = re.compile(self.text(key))
        except re.error as error:
            self.fail(key, f"not a valid regex ({error})")
        if with_id and "id" not in pattern.groupindex:
            self.fail(key, "the regex needs a named group (?P<id>...) for the article id")
        return pattern

    def template(self, article_path: re.Pattern) -> str:
        template = self.url("canonical_url")
        try:
            template.format(**dict.fromkeys(article_path.groupindex, "x"))
        except (KeyError, IndexError, ValueError) as error:
            self.fail("canonical_url", f"names {error} that is no group of article_url")
        return template

    def module(self, key: str) -> str | None:
        if key not in self.table:
            return None
        value = self.text(key)
        if not MODULE.fullmatch(value):
            self.fail(key, f"{value!r} is not a dotted module name")
        return value

    def selectors(self, key: str, known: tuple[str, ...]) -> dict[str, str]:
        table = self.table.get(key, {})
        if not isinstance(table, dict):
            self.fail(key, f"must be a table of CSS selectors ({', '.join(known)})")
        for field_name, css in table.items():
            if field_name not in known:
                self.fail(f"{key}.{field_name}", f"unknown selector (known: {', '.join(known)})")
            try:
                cssselect.parse(self.text(f"{key}.{field_name}", css))
            except cssselect.SelectorError as error:
                self.fail(f"{key}.{field_name}", f"not a valid CSS selector ({error})")
        return dict(table)

    def words(self, key: str) -> tuple[str, ...]:
        words = self.strings(key)
        for word in words:
            if not re.fullmatch(r"[\w-]+", word):
                self.fail(key, f"{word!r} is not a class or id name")
        return words

    def paths(self, key: str) -> tuple[str, ...]:
        paths = self.strings(key)
        for path in paths:
            if not path.startswith("/"):
                self.fail(key, f"{path!r} is not a URL path (starts with /)")
        return paths

    def labels(self) -> dict[str, str]:
        table = self.table.get("labels", {})
        if not isinstance(table, dict):
            self.fail("labels", "must be a table of label = role")
        for label, role in table.items():
            if role not in LABEL_ROLES:
                self.fail(f"labels.{label}", f"role must be one of {', '.join(LABEL_ROLES)}")
        return dict(table)

    def scrapy_settings(self) -> dict[str, object]:
        table = self.table.get("settings", {})
        if not isinstance(table, dict):
            self.fail("settings", "must be a table of Scrapy settings")
        for name in table:
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
                self.fail(f"settings.{name}", "is not a Scrapy setting name (upper case)")
        return dict(table)

    def topics(self) -> tuple[TopicTerm, ...]:
        entries = self.table.get("topics", [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            self.fail("topics", "must be an array of tables ([[site.topics]])")
        terms = []
        for entry in entries:
            if unknown := sorted(set(entry) - TOPIC_KEYS):
                self.fail(f"topics.{unknown[0]}", f"unknown key (known: {', '.join(sorted(TOPIC_KEYS))})")
            name = self.text("topics.name", entry.get("name"))
            case_sensitive = entry.get("case_sensitive", False)
            if not isinstance(case_sensitive, bool):
                self.fail("topics.case_sensitive", "must be true or false")
            try:
                pattern = re.compile(self.text("topics.pattern", entry.get("pattern")))
            except re.error as error:
                self.fail("topics.pattern", f"{name}: not a valid regex ({error})")
            literal = self.text("topics.literal", entry["literal"]) if "literal" in entry else None
            terms.append(TopicTerm(name, pattern, case_sensitive, literal))
        return tuple(terms)
