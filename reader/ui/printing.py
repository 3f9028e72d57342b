"""Printing an article, and exporting it to PDF, with the reading pane's right-to-left layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

MARGIN_MM = 18


def _for_paper(document: QTextDocument) -> QTextDocument:
    """A copy laid out for the page: the pane's centring margins belong to the screen."""
    copy = document.clone()
    frame = copy.rootFrame().frameFormat()
    for side in ("Left", "Right", "Top", "Bottom"):
        getattr(frame, f"set{side}Margin")(0)
    copy.rootFrame().setFrameFormat(frame)
    copy.setDocumentMargin(0)
    return copy


def export_pdf(document: QTextDocument, path: str | Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)  # fmt: skip
    writer.setTitle(document.begin().text())
    writer.setCreator("Qari")
    _for_paper(document).print_(writer)
    del writer  # the file is complete once the writer is gone
    if not Path(path).is_file():
        raise OSError(f"could not write {path}")


def print_document(document: QTextDocument, parent: QWidget) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                           QPageLayout.Unit.Millimeter)  # fmt: skip
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        _for_paper(document).print_(printer)
