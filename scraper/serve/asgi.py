"""ASGI app for `kronika serve --workers N`: each worker process builds its own Datasette."""

import os

from scraper.serve.app import ARCHIVE_ENV, datasette_instance

# uvicorn imports this module in every worker; the archive path comes from
# the parent `kronika serve` through the environment.
app = datasette_instance(os.environ[ARCHIVE_ENV]).app()
