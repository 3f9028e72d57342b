"""Qari (قارئ): a reader for Arabic news archives."""

__version__ = "0.1.0"
APP_NAME = "Qari"
