"""CSV files for a spreadsheet, from untrusted text: the notes export and the search results
export write through here. Qt-free.

The document begins with a byte order mark: spreadsheets take the file for UTF-8 then, and
Arabic stays Arabic. Cells a spreadsheet would run as formulas are defused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from reader.text.sanitize import display_safe

# A spreadsheet runs a cell that begins so as a formula (OWASP "CSV injection"); a tab or a
# carriage return before one does the same in some of them.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if not isinstance(value, str):
        return value
    text = display_safe(value)
    return f"'{text}" if text.startswith(_FORMULA) else text


def csv_document(fields: Sequence[str], rows: Iterable[dict]) -> str:
    """A header of ``fields``, then each row's values under them, every cell defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in fields])
    return "\ufeff" + buffer.getvalue()
