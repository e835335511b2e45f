"""Kronika: an archive of Polish municipal revitalisation news."""

__version__ = "0.1.0"
