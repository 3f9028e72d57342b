"""Printing an article, and exporting it to PDF, with the reading pane's right-to-left layout."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from reader.userdata.savefile import write_atomically

MARGIN_MM = 18
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def _for_paper(document: QTextDocument) -> QTextDocument:
    """A copy laid out for the page: the pane's centring margins belong to the screen, and
    Arabic is written in presentation forms (see _searchable_arabic)."""
    copy = document.clone()
    frame = copy.rootFrame().frameFormat()
    for side in ("Left", "Right", "Top", "Bottom"):
        getattr(frame, f"set{side}Margin")(0)
    copy.rootFrame().setFrameFormat(frame)
    copy.setDocumentMargin(0)
    _searchable_arabic(copy)
    return copy


def _searchable_arabic(document: QTextDocument) -> None:
    """Give the PDF real Arabic text, not only pictures of it.

    A PDF maps each glyph back to a character through the font's character map. The joined
    forms a shaping engine picks (initial, medial, final) are not in that map, so a reader
    copying or searching the PDF gets garbage. The same letters written as Unicode
    presentation forms, already joined, map back exactly; the bundled fonts draw them.
    """
    from arabic_reshaper import ArabicReshaper

    reshape = ArabicReshaper(configuration={"delete_harakat": False}).reshape
    fragments = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if _ARABIC.search(fragment.text()):
                fragments.append((fragment.position(), fragment.length(), fragment.text(),
                                  fragment.charFormat()))  # fmt: skip
            it += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, text, fmt in reversed(fragments):  # later ones first: no shifts
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(reshape(text), fmt)


def pdf_bytes(document: QTextDocument) -> bytes:
    """The document as a PDF on A4, in memory: the caller writes it like any file the user
    owns, atomically."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)  # fmt: skip
    writer.setTitle(document.begin().text())
    writer.setCreator("Qari")
    _for_paper(document).print_(writer)
    del writer  # the PDF is complete once the writer is gone
    return bytes(buffer.data())


def export_pdf(document: QTextDocument, path: str | Path) -> None:
    """Write the document as a PDF; SaveError (an OSError) if it cannot be, and then a file
    already at ``path`` stays as it was."""
    write_atomically(path, pdf_bytes(document))


def print_document(document: QTextDocument, parent: QWidget) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                           QPageLayout.Unit.Millimeter)  # fmt: skip
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        _for_paper(document).print_(printer)
