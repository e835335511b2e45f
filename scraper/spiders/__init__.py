"""Kronika's spiders: one per city website."""
