"""The exceptions the extractor raises for input that is no HTML article."""


class ExtractionError(ValueError):
    """The bytes are not an HTML article (empty, binary, or neither title nor body), or the page URL is malformed."""


class NoArticleFound(ExtractionError):
    """The page is readable but holds nothing article-like (see assemble.article_like)."""
