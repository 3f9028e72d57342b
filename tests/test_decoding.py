"""Tests for reader.text.decoding: encoding detection, refusals and tolerance of damage."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reader.text.decoding import Decoded, DecodeError, decode_bytes, read_text_file

SEED_PATH = Path(__file__).resolve().parent.parent / "resources/articles/000_0230be639b82ca88.txt"
SEED_BYTES = SEED_PATH.read_bytes()
SEED = SEED_BYTES.decode("utf-8")
# ISO-8859-6 has no en dash; everything else in the seed (harakat, Arabic comma) fits.
SEED_ISO = SEED.replace("\u2013", "-")
TITLE = SEED.splitlines()[0]  # a single short Arabic line: the hardest case to guess
PARAGRAPHS = [line for line in SEED.splitlines() if len(line) > 40]

EMPTY = "empty file"
BINARY_NUL = "binary data (NUL bytes)"
BINARY_CONTROL = "binary data (control characters)"
NOT_TEXT = "not text in any supported encoding"


def reason(data: bytes, **kwargs: str) -> str:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, **kwargs)
    return str(info.value)


def test_seed_is_what_the_tests_assume() -> None:
    assert "\r" not in SEED
    assert "\ufeff" not in SEED
    assert "\u2013" in SEED and "\u064f" in SEED  # en dash; damma
    SEED_ISO.encode("iso8859-6")  # strict: the excerpt is fully representable


# --- every encoding, with exact text ---------------------------------------------------

ENCODED = [
    # (id, bytes, expected encoding name)
    ("utf-8", SEED.encode("utf-8"), "utf-8"),
    ("utf-8-bom", codecs.BOM_UTF8 + SEED.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le", SEED.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be", SEED.encode("utf-16-be"), "utf-16-be"),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + SEED.encode("utf-16-le"), "utf-16"),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + SEED.encode("utf-16-be"), "utf-16"),
    ("utf-32-le-bom", codecs.BOM_UTF32_LE + SEED.encode("utf-32-le"), "utf-32"),
    ("utf-32-be-bom", codecs.BOM_UTF32_BE + SEED.encode("utf-32-be"), "utf-32"),
    ("cp1256", SEED.encode("cp1256"), "cp1256"),
]


@pytest.mark.parametrize(
    ("data", "encoding"), [c[1:] for c in ENCODED], ids=[c[0] for c in ENCODED]
)
def test_seed_in_each_encoding(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == Decoded(SEED, encoding)


def test_seed_in_iso8859_6() -> None:
    assert decode_bytes(SEED_ISO.encode("iso8859-6")) == Decoded(SEED_ISO, "iso8859-6")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso8859-6"]
)
def test_crlf_and_lone_cr_become_lf(encoding: str, newline: str) -> None:
    text = SEED_ISO if encoding == "iso8859-6" else SEED
    data = text.replace("\n", newline).encode(encoding)
    assert decode_bytes(data) == Decoded(text, encoding)


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859-6", "utf-16-le", "utf-16-be"])
def test_short_title_line(encoding: str) -> None:
    assert decode_bytes(TITLE.encode(encoding)) == Decoded(TITLE, encoding)


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859-6"])
@pytest.mark.parametrize("index", range(len(PARAGRAPHS)))
def test_each_paragraph_alone_in_legacy_encodings(encoding: str, index: int) -> None:
    text = PARAGRAPHS[index].replace("\u2013", "-")
    assert decode_bytes(text.encode(encoding)) == Decoded(text, encoding)


def test_encoding_name_reproduces_text() -> None:
    # The documented naming scheme: data.decode(encoding) is the text before LF-normalising.
    for _, data, _ in ENCODED:
        decoded = decode_bytes(data)
        assert data.decode(decoded.encoding) == decoded.text
        assert codecs.lookup(decoded.encoding).name == decoded.encoding


def test_arabic_utf16le_that_is_also_valid_utf8() -> None:
    text = "\u0627\u0628\u062a"  # alef beh teh: code units 0x0627.. are ASCII byte pairs
    data = text.encode("utf-16-le")
    assert data == b"'\x06(\x06*\x06"
    data.decode("utf-8")  # valid UTF-8, full of control characters
    assert decode_bytes(data) == Decoded(text, "utf-16-le")


def test_english_text_is_utf8() -> None:
    text = "Kim visits a fighter jet factory.\nPutin says cooperation is possible.\n"
    assert decode_bytes(text.encode("ascii")) == Decoded(text, "utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_english_utf16_without_bom(encoding: str) -> None:
    text = "Kim visits a fighter jet factory.\n"
    assert decode_bytes(text.encode(encoding)) == Decoded(text, encoding)


def test_latin1_accents_read_as_cp1256() -> None:
    # cp1256 kept the French accented letters at their Latin-1 positions.
    assert decode_bytes(b"Caf\xe9 cr\xe8me") == Decoded("Café crème", "cp1256")


def test_utf8_bom_on_cp1256_body() -> None:
    data = codecs.BOM_UTF8 + SEED.encode("cp1256")
    assert decode_bytes(data) == Decoded(SEED, "cp1256")


def test_stray_control_characters_are_kept() -> None:
    # An escape sequence pasted from a terminal and a DOS end-of-file mark.
    text = "Breaking news today. " * 20 + "\x1b[31mend\n\x1a"
    assert decode_bytes(text.encode()) == Decoded(text, "utf-8")


# --- fallback ---------------------------------------------------------------------------


def test_fallback_replaces_legacy_guess() -> None:
    data = SEED.encode("cp1256")
    expected = data.decode("iso8859-6", "replace")
    assert decode_bytes(data, fallback="ISO-8859-6") == Decoded(expected, "iso8859-6")


def test_fallback_name_is_canonicalised() -> None:
    data = SEED_ISO.encode("iso8859-6")
    assert decode_bytes(data, fallback="windows-1256") == Decoded(data.decode("cp1256"), "cp1256")


def test_fallback_does_not_override_unicode() -> None:
    assert decode_bytes(SEED.encode(), fallback="cp1256") == Decoded(SEED, "utf-8")
    data = SEED.encode("utf-16-le")
    assert decode_bytes(data, fallback="cp1256") == Decoded(SEED, "utf-16-le")


@pytest.mark.parametrize("name", ["no-such-codec", "base64"])
def test_bad_fallback_raises_lookup_error(name: str) -> None:
    with pytest.raises(LookupError):
        decode_bytes(b"abc", fallback=name)


# --- damaged Unicode --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "cut"),
    [("\u0644", 1), ("\u2013", 1), ("\u2013", 2), ("\U0001f600", 1), ("\U0001f600", 3)],
)
def test_truncated_utf8_at_end(last: str, cut: int) -> None:
    # A 2-, 3- or 4-byte character cut short by an interrupted download or copy.
    data = (SEED + last).encode()[:-cut]
    assert decode_bytes(data) == Decoded(SEED + "\ufffd", "utf-8")


def test_truncated_lead_byte_after_ascii_only_is_cp1256() -> None:
    # Without any valid multi-byte sequence a final high byte is more likely cp1256.
    assert decode_bytes(b"Reuters \xd9") == Decoded("Reuters \u0638", "cp1256")


def test_few_invalid_bytes_in_utf8_become_replacement_chars() -> None:
    pieces = SEED.split(" ")
    bad = {10, 200, 600}  # word indexes followed by a stray 0xFF
    data = b"".join(
        p.encode() + (b"\xff" if i in bad else b"") + b" " for i, p in enumerate(pieces)
    )
    expected = "".join(p + ("\ufffd" if i in bad else "") + " " for i, p in enumerate(pieces))
    assert len(bad) < 0.01 * len(data)
    assert decode_bytes(data) == Decoded(expected, "utf-8")


def test_cp1256_paragraph_inside_utf8_is_not_forgiven() -> None:
    lines = SEED.split("\n")
    data = "\n".join(lines[:10]).encode() + b"\n" + "\n".join(lines[10:]).encode("cp1256")
    assert decode_bytes(data) == Decoded(data.decode("cp1256"), "cp1256")


def test_truncated_utf16_odd_length() -> None:
    data = SEED.encode("utf-16-le")[:-1]
    assert decode_bytes(data) == Decoded(SEED[:-1] + "\ufffd", "utf-16-le")


def test_utf16_bom_with_garbage_is_refused() -> None:
    assert reason(codecs.BOM_UTF16_LE + b"\x00\xd8" * 100) == NOT_TEXT


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" \n\t\r\n  \f",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF8 + b"  \n",
        " \n  \n".encode("utf-16-le"),
        "\u00a0 \u3000\n".encode("utf-16"),
        b"\xa0\xa0 \n",  # cp1256 no-break spaces
    ],
)
def test_empty_and_whitespace_only(data: bytes) -> None:
    assert reason(data) == EMPTY


def test_png_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(0).randbytes(4096)
    assert reason(png) == BINARY_NUL


@pytest.mark.parametrize("data", [b"hello\x00world", SEED.encode() + b"\x00" * 16, b"\x00" * 64])
def test_nul_bytes_are_binary(data: bytes) -> None:
    assert reason(data) == BINARY_NUL


def test_random_bytes_without_nul_are_binary() -> None:
    data = random.Random(1).randbytes(4096).replace(b"\x00", b"")
    assert reason(data) == BINARY_CONTROL


def test_short_text_with_a_few_escapes_is_text() -> None:
    # Refusing it would not make it safer: display_safe strips the escapes later.
    text = "\x1b[31mRED\x07 \u202eخبر\u202c \x9b2J\n\nنص الخبر هنا.\n"
    assert decode_bytes(text.encode()) == Decoded(text, "utf-8")


def test_control_heavy_text_is_binary() -> None:
    assert reason(b"\x01\x02\x03abc" * 100) == BINARY_CONTROL


def test_utf16_with_nul_code_units_is_binary() -> None:
    assert reason(codecs.BOM_UTF16_LE + "ab\x00cd".encode("utf-16-le")) == BINARY_NUL


# --- read_text_file -----------------------------------------------------------------------


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SEED.replace("\n", "\r\n").encode("cp1256"))
    assert read_text_file(path) == Decoded(SEED, "cp1256")
    assert read_text_file(str(path)) == Decoded(SEED, "cp1256")


def test_read_text_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(DecodeError, match=r"^file too large"):
        read_text_file(path, max_bytes=10)
    assert read_text_file(path, max_bytes=11) == Decoded("x" * 11, "utf-8")


def test_read_text_file_lets_oserror_through(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        read_text_file(tmp_path)


def test_read_text_file_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(DecodeError, match=r"^empty file$"):
        read_text_file(path)


# --- properties ---------------------------------------------------------------------------

BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


def _check_result(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as err:
        assert str(err)
        return
    assert "\r" not in decoded.text
    assert decoded.text.strip()
    assert codecs.lookup(decoded.encoding).name == decoded.encoding


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_decode_or_decode_error(data: bytes) -> None:
    _check_result(data)


@given(st.sampled_from(BOMS), st.binary(max_size=512), st.sampled_from([b"", SEED_BYTES[:300]]))
def test_bom_and_text_prefixed_bytes_decode_or_decode_error(
    bom: bytes, noise: bytes, text: bytes
) -> None:
    _check_result(bom + text + noise)
    _check_result(bom + noise + text)


# Text the encoder may produce without it being binary: no C0/C1 controls or surrogates,
# and no U+FEFF (a leading one is a BOM by definition).
PRINTABLE = st.text(
    st.characters(exclude_categories=["Cc", "Cs"], exclude_characters="\ufeff")
    | st.sampled_from("\n\t"),
    max_size=300,
)


@given(PRINTABLE)
def test_utf8_round_trip(text: str) -> None:
    assume(text.strip())
    assert decode_bytes(text.encode()) == Decoded(text, "utf-8")


@given(PRINTABLE, st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_bom_round_trip(text: str, encoding: str) -> None:
    assume(text.strip())
    assert decode_bytes(text.encode(encoding)) == Decoded(text, encoding)
