"""The Kronika Datasette plugin package: its hooks (plugin.py), templates/ and static/, which Datasette serves."""

# Pluggy reads the hooks off the registered module: this package, so that
# Datasette also finds its templates/ and static/ folders.
from scraper.serve.plugin import (  # noqa: F401
    asgi_wrapper,
    extra_css_urls,
    extra_template_vars,
    filters_from_request,
    prepare_connection,
    prepare_jinja2_environment,
    register_facet_classes,
    register_routes,
    render_cell,
    startup,
)
