"""What every write to the user's store shares: failures worded for the user, and the clock.
Qt-free."""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from collections.abc import Callable

from reader.userdata.formats import StoreError


def user_action(method: Callable) -> Callable:
    """Report a failed write (disk full, read-only folder, locked file) as a StoreError."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self.read_only:
            raise StoreError(self.read_only_reason)
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise StoreError(f"could not save to {self.path}: {err}") from err
        except OSError as err:  # the journal
            where = err.filename or (self.journal.path if self.journal else self.path)
            raise StoreError(f"could not save to {where}: {err.strerror or err}") from err

    return wrapper


def now(timespec: str = "seconds") -> str:
    """UTC, ISO 8601. Microseconds where a moment names a row (a mark's ``created``)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec=timespec)
