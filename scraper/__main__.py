"""`python -m scraper` runs the `kronika` command line."""

from scraper.cli import main

main()
