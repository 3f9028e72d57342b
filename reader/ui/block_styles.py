"""How each kind of block of an article looks in the reading pane: size, weight, colour,
line height and spacing, relative to the reading font, and the Qt formats that say so."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextDocument,
)

from reader.qt.i18n import layout_direction

# Sizes relative to the reading font, line heights relative to each block's own pixel size.
# A fixed line height from the em looks the same in every font (natural heights vary by ~20 %).
TITLE_SCALE, TITLE_LEADING = 1.6, 1.45
META_SCALE = 0.85
CAPTION_SCALE = 0.9
SUBHEADING_SCALE = 1.2
BODY_LEADING = 1.9
MAX_LINE_EMS = 36  # a comfortable column: about 12–14 Arabic words a line
MIN_SIDE_MARGIN_EMS = 1.5


class Style(NamedTuple):
    scale: float
    leading: float  # line height / pixel size
    bold: bool = False
    muted: bool = False
    space_before: float = 0.0  # in pixel sizes
    space_after: float = 0.8


TITLE = Style(TITLE_SCALE, TITLE_LEADING, bold=True, space_after=0.35)
META = Style(META_SCALE, BODY_LEADING, muted=True, space_after=1.4)
NOTICE = Style(1.0, BODY_LEADING, muted=True, space_after=1.4)
SUBHEADING = Style(SUBHEADING_SCALE, BODY_LEADING * 0.85, bold=True, space_before=0.6,
                   space_after=0.5)  # fmt: skip
CAPTION = Style(CAPTION_SCALE, BODY_LEADING * 0.9, muted=True, space_after=1.2)
BODY = Style(1.0, BODY_LEADING)
NOTE = Style(1.0, BODY_LEADING, muted=True, space_before=1.0)


def block_formats(
    style: Style, direction: str, last: bool, font: QFont, palette: QPalette, spacing: float
) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """The formats of one block: its direction, alignment, fixed line height and spacing.

    ``spacing``: the body's line height in pixel sizes (the others scale with it); ``last``:
    the last (or only) piece of its paragraph, which ends with the paragraph's margin.
    """
    px = QFontInfo(font).pixelSize() * style.scale
    block = QTextBlockFormat()
    block.setLayoutDirection(layout_direction(direction))
    # AlignLeading is the right edge in an RTL block: ragged on the other side, and no
    # justification (Qt stretches Arabic between letters, breaking the joins).
    block.setAlignment(Qt.AlignmentFlag.AlignLeading)
    leading = style.leading * spacing / BODY_LEADING
    block.setLineHeight(px * leading, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    block.setTopMargin(px * style.space_before)
    # The pieces of a long paragraph follow each other like its lines.
    block.setBottomMargin(px * style.space_after if last else 0.0)
    char = QTextCharFormat()
    char.setFontPointSize(font.pointSizeF() * style.scale)
    char.setFontWeight(QFont.Weight.Bold if style.bold else QFont.Weight.Normal)
    if style.muted:
        char.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
    return block, char


def set_column_margins(document: QTextDocument, font: QFont, width: int, page_ems: int) -> None:
    """A readable column, centred: side margins that leave ``page_ems`` ems of text (0: the
    whole ``width``), never less than MIN_SIDE_MARGIN_EMS. (FixedPixelWidth would pin the
    column to the left even in RTL.)"""
    em = QFontInfo(font).pixelSize()
    column = em * page_ems if page_ems else width
    side = max(em * MIN_SIDE_MARGIN_EMS, (width - column) / 2)
    frame = document.rootFrame()
    fmt = frame.frameFormat()
    if (fmt.leftMargin(), fmt.rightMargin()) == (side, side):
        return
    fmt.setLeftMargin(side)
    fmt.setRightMargin(side)
    fmt.setTopMargin(em * 1.5)
    fmt.setBottomMargin(em * 3)
    frame.setFrameFormat(fmt)
