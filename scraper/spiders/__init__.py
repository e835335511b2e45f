"""Kronika's spiders: one per declared site, generated in scraper/spiders/declared.py."""
