"""A news article's source line (byline) taken apart. Qt-free, standard library only.

One raw byline string per article made 640 "sources" out of 20 sites. :func:`parse_byline`
splits a line into four parts, each of which may be absent:

* **publication**, in this order: the name a bare dash glues on at the end (the scraper's
  suffix: ``أ ف ب-الامة برس``, ``واشنطن - أ ف ب-الرياض``, even a city's name there), one in
  guillemets or quotes (``«الاقتصادية» من الرياض``), one after صحيفة / موقع or a bureau's
  مكتب / مراسل (``مكتب الجزيرة`` is no author), a known paper, a name with a publication word
  (برس، نيوز، News ...), else the last name that is no place, agency or person (``الرياض -
  الوئام :``). A publication slot holding an agency (``الرياض-واس``) gives the agency.
* **agency**: one canonical name per agency (:data:`AGENCIES`, the short Arabic forms papers
  print: ``أ ف ب``, ``رويترز``, ``أسوشيتد برس``, ``د ب أ``, ``واس`` ...) for every spelling:
  ``ا ف ب``, ``أ.ف.ب``, ``(أ ف ب)``, ``فرانس برس``, ``AFP``, ``Agence France-Presse``. The
  generic credit (وكالات، Agencies) is :data:`GENERIC_AGENCY`; an unknown وكالة X is kept.
* **dateline**: a known place (Arab and world capitals, Arab cities, Saudi towns; Arabic and
  English, shown as listed: ``LONDON`` → ``London``), a name after محافظة / منطقة ..., the
  unknown name just before an agency (``كومسومولسك (أ ف ب)``) or one left beside the
  publication. Adjacent places make one dateline (``أبها، واشنطن، بيروت``).
* **author**: two to five words with no place, agency or word like مكتب / صحيفة / News in
  them, opening on a known given name, closing on a family name like العتيبي, after a label
  (بقلم، كتب، By) or shaped like a name. Several are joined with "، " (", " in Latin).

Lines split on every dash, colon, pipe, slash, comma, bracket, guillemet and quote, a lone
``من``, and in / for / and between Latin names; not on a hyphen inside a Latin word
(``Al-Monitor``) or a tatweel inside a word (a free one is a dash). Harakat, tatweel, format
and control characters go, spaces (NBSP too) collapse. Credits naming nobody (خاص، Staff
Writer), labels (المصدر، Source) and dates and times (``Monday, 10 August 2015 - 13:12 pm``)
reach no part; the first whole date is kept in :attr:`Byline.date`. Names are compared by
the search folding (:func:`reader.text.normalize.index_text`, spaces removed), so the alef
rule lives in one place and :func:`facet_key` makes ``الأمة برس`` and ``الامة برس`` one
facet entry. :func:`looks_like_byline` tells the header parser a source line from a subtitle.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from dataclasses import dataclass, field

from reader.text.byline_names import (
    _AGENCY_EDGES,
    _AGENCY_KEYS,
    _AGENCY_WORD_KEYS,
    _AUTHOR_LABEL_KEYS,
    _BUREAU_KEYS,
    _CREDIT_KEYS,
    _DATE_WORD_KEYS,
    _DROPPED_SUFFIXES,
    _GIVEN_NAME_KEYS,
    _LABEL_KEYS,
    _LATIN_PARTICLES,
    _NAME_LINKS,
    _NOT_IN_NAMES,
    _PLACE_WORD_KEYS,
    _PLACES,
    _PREFIX_KEYS,
    _PUBLICATION_KEYS,
    _PUBLICATION_WORD_KEYS,
    AGENCIES,
    GENERIC_AGENCY,
    _cut_dates,
    _key,
)
from reader.text.normalize import index_text

__all__ = [
    "AGENCIES",
    "GENERIC_AGENCY",
    "MAX_CHARS",
    "Byline",
    "canonical_agency",
    "facet_key",
    "looks_like_byline",
    "parse_byline",
]

MAX_CHARS = 200  # after cleaning; a longer line is text, not a byline
_MAX_RAW_CHARS = 600  # before cleaning (harakat and invisible characters take room)
_NAME_MAX_WORDS = 4  # a longer run of unknown words is a phrase, not a name


@dataclass(frozen=True, slots=True)
class Byline:
    publication: str | None
    agency: str | None  # a name from AGENCIES, GENERIC_AGENCY, or an unknown وكالة as written
    dateline: str | None
    author: str | None
    date: datetime.date | None = None  # found in the byline; in none of the parts


def facet_key(name: str) -> str:
    """The key under which two spellings of one publication or place are one facet entry."""
    return index_text(name)


# --- cleaning and splitting ------------------------------------------------------------------

# Dropped: harakat, Quranic marks, superscript alef, every format character (Cf: soft hyphen,
# zero-width and bidi controls, BOM ...) and lone surrogates: no part keeps one.
_MARKS = re.compile(
    "[\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u00ad\u0600-\u0605"
    "\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]+"
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # part words as a space would
_TATWEEL_DASH = re.compile(r"(?:(?<=\s)|^)\u0640+|\u0640+(?=\s|$)")  # "القاهرة ـ «الحياة»"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_SEP_CLASS = r"|:؛;/\\•·,،()\[\]{}<>«»“”„\"‹›" + _DASHES
# The plain pattern opens on a class (skipped through in C) and serves most lines; a hyphen
# inside a Latin word (Al-Monitor) is put back by _split.
_SEP = re.compile(f"[{_SEP_CLASS}\\-][{_SEP_CLASS}\\-\\s]*")
_SEP_WITH_WORDS = re.compile(
    rf"(?:\s*(?:[{_SEP_CLASS}]|(?<![A-Za-z0-9])-|-(?![A-Za-z0-9])|(?<=\s)من(?=\s)"
    r"|(?<=[A-Za-z.])\s+(?:and|&|in|for|from|via)(?=\s+[A-Z(]))\s*)+"
)
_WORD_SEPARATORS = (" من ", " and ", " & ", " in ", " for ", " from ", " via ")
_LATIN_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ALL_DASHES = frozenset("-" + _DASHES)
_EDGE = " .…'`!?؟*_~^=+#"
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_ARABIC_WORD = re.compile("[\u0620-\u064a\u066e-\u06d3]+")
_LATIN_NAME_WORD = re.compile(r"(?:[A-Z][A-Za-z'’]*|[A-Z]\.)(?:-[A-Z][A-Za-z'’]*)?\.?")


def _clean(line: str) -> str:
    if _CONTROLS.search(line):
        line = _CONTROLS.sub(" ", line)
    if "\u0640" in line:
        line = _TATWEEL_DASH.sub(" - ", line).replace("\u0640", "")
    return " ".join(_MARKS.sub("", line).split())


_DROP, _CREDIT, _AGENCY, _GENERIC, _PLACE, _PUB, _PERSON, _UNKNOWN = range(8)


@dataclass(slots=True, eq=False)
class _Segment:
    value: str  # what the part shows: a canonical name, or the text
    before: str  # the separators on each side, as written
    after: str
    tight: bool  # glued to the one before by a bare dash: "ب-الرياض"
    written: str = ""  # the text, labels and credits cut off
    tokens: list[str] = field(default_factory=list)  # its folded words
    kind: int = _UNKNOWN
    strong: bool = False  # a publication or person by a cue, not a guess
    cue: bool = False  # an unknown name with a publication word in it
    used: bool = False  # gave a part
    words: int = 0
    latin: bool = True

    def __post_init__(self) -> None:
        self.written, self.words = self.value, len(self.value.split())
        self.latin = _ARABIC_LETTER.search(self.value) is None


def _split(text: str) -> list[_Segment]:
    segments: list[_Segment] = []
    pos, before, tight = 0, "", False
    pattern = _SEP_WITH_WORDS if any(w in text for w in _WORD_SEPARATORS) else _SEP
    for m in pattern.finditer(text):
        start, end = m.span()
        if m[0] == "-" and {text[start - 1 : start], text[end : end + 1]} <= _LATIN_ALNUM:
            continue
        if piece := text[pos:start].strip(_EDGE):
            segments.append(_Segment(piece, before, m[0], tight))
            before = m[0]
        else:
            before += m[0]
        pos = end
        tight = bool(segments) and text[end - 1] in _ALL_DASHES and not text[end - 2].isspace()
    if piece := text[pos:].strip(_EDGE):
        segments.append(_Segment(piece, before, "", tight))
    elif segments:
        segments[-1].after += before
    return segments


def _classify(seg: _Segment, author_label: bool) -> bool:
    """Decide seg.kind and seg.value. Returns whether the next segment is an author."""
    words, tokens = seg.value.split(), index_text(seg.value).split()
    # Labels go ("بقلم فلان", "By John Smith", "نقلا عن"), and credits after a name ("Reuters
    # Staff"): all are plain words, as many words as tokens.
    while tokens:
        n = 2 if len(tokens) > 1 and tokens[0] + tokens[1] in _LABEL_KEYS else 1
        if n == 1 and tokens[0] not in _LABEL_KEYS:
            break
        author_label = author_label or "".join(tokens[:n]) in _AUTHOR_LABEL_KEYS
        tokens, words = tokens[n:], words[n:]
    while len(tokens) > 1 and tokens[-1] in _CREDIT_KEYS:
        tokens, words = tokens[:-1], words[:-1]
    if not tokens or not words or all(t.isdigit() or t in _DATE_WORD_KEYS for t in tokens):
        seg.kind = _DROP
        return author_label and not tokens
    text, key = " ".join(words), "".join(tokens)
    seg.tokens, seg.value, seg.written, seg.words = tokens, text, text, len(words)
    agency = _AGENCY_KEYS.get(key)
    if agency is None and tokens[0] in _AGENCY_WORD_KEYS and len(words) > 1:
        agency = text  # an agency the table does not know, as written
    if agency is not None:
        seg.kind, seg.value = (_GENERIC if agency == GENERIC_AGENCY else _AGENCY), agency
    elif _quoted(seg.before, seg.after):  # «الرياض» is the paper, not the city
        seg.kind, seg.value, seg.strong = _PUB, _publication_name(words), True
    elif tokens[0] in _BUREAU_KEYS or tokens[0] in _PREFIX_KEYS:
        if len(tokens) == 1 or tokens[1] in _CREDIT_KEYS:  # "مراسل خاص"
            seg.kind = _CREDIT
            return False
        inner = _Segment(" ".join(words[1:]), seg.before, seg.after, seg.tight)
        _classify(inner, False)
        # صحيفة الرياض is a paper; مكتب القاهرة, a bureau in a city.
        if inner.kind in (_AGENCY, _GENERIC) or (
            tokens[0] in _BUREAU_KEYS and inner.kind == _PLACE
        ):
            seg.kind, seg.value = inner.kind, inner.value
        else:
            seg.kind, seg.value, seg.strong = _PUB, _publication_name(words[1:]), True
    elif (place := _PLACES.get(key)) is not None:
        seg.kind, seg.value = _PLACE, place[1] if seg.latin else place[0]
    elif tokens[0] in _PLACE_WORD_KEYS and 1 < len(tokens) <= 4:
        seg.kind = _PLACE  # محافظة الخرج, منطقة القصيم
    elif key in _CREDIT_KEYS:
        seg.kind = _CREDIT
    elif key in _PUBLICATION_KEYS:
        seg.kind, seg.strong = _PUB, True
    elif person := _person(tokens, words, seg.latin):
        seg.kind, seg.strong = _PERSON, person == 2 or author_label
    elif author_label and not seg.latin and seg.words <= _NAME_MAX_WORDS:
        seg.kind, seg.strong = _PERSON, True  # a name the shape rule missed, after بقلم
    else:
        seg.cue = any(t in _PUBLICATION_WORD_KEYS or t.isdigit() for t in tokens)
    return False


def _quoted(before: str, after: str) -> bool:
    before, after = before.rstrip(), after.lstrip()
    return bool(before and after) and before[-1] in '«“„"‹' and after[0] in '»”"›'


def _publication_name(words: list[str]) -> str:
    while len(words) > 1 and words[-1] in _DROPPED_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _person(tokens: list[str], words: list[str], latin: bool) -> int:
    """0: no name; 1: the shape of one; 2: a name for sure."""
    if not 2 <= len(tokens) <= 5 or not 2 <= len(words) <= 5:
        return 0
    if any(t in _NOT_IN_NAMES or t in _PLACES or t in _AGENCY_KEYS or t.isdigit() for t in tokens):
        return 0
    if latin:  # "Al Arabiya", "The National" are papers
        if tokens[0] in ("al", "el", "the"):
            return 0
        return int(
            all(_LATIN_NAME_WORD.fullmatch(w) or w.casefold() in _LATIN_PARTICLES for w in words)
        )
    if any(_ARABIC_WORD.fullmatch(w) is None for w in words):
        return 0
    if tokens[0] in _GIVEN_NAME_KEYS:
        return 2  # محمد الأحمد الشمري
    # Else an ال word inside the name follows عبد / أبو / بن; only the family name at the end
    # has one of its own. A run of them is a phrase: "قال الرئيس إن الاقتصاد".
    if tokens[0].startswith("ال") or len(tokens) > 4:
        return 0
    if any(t.startswith("ال") and b not in _NAME_LINKS for b, t in itertools.pairwise(tokens[:-1])):
        return 0
    last = tokens[-1]
    return 2 if last.startswith("ال") and last.endswith("ي") and len(last) > 4 else 1


def _rejoin_agencies(segments: list[_Segment]) -> list[_Segment]:
    """Mend agency names a dash cut ("فرانس-برس") or none set apart ("واشنطن رويترز")."""
    out: list[_Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        joined = prev is not None and seg.tight and _AGENCY not in (prev.kind, seg.kind)
        if joined and (agency := _AGENCY_KEYS.get("".join(prev.tokens + seg.tokens))):
            prev.kind, prev.value, prev.after = _AGENCY, agency, seg.after
            continue
        out.extend(_cut_agency_off(seg))
    return out


def _cut_agency_off(seg: _Segment) -> list[_Segment]:
    words = seg.value.split()
    if seg.kind not in (_UNKNOWN, _PERSON) or seg.strong or not 2 <= len(words) <= 6:
        return [seg]
    if seg.tokens[0] not in _AGENCY_EDGES and seg.tokens[-1] not in _AGENCY_EDGES:
        return [seg]
    for n in range(1, min(3, len(words) - 1) + 1):
        for cut in (-n, n):
            if _key(" ".join(words[cut:] if cut < 0 else words[:cut])) in _AGENCY_KEYS:
                head = _Segment(" ".join(words[:cut]), seg.before, "", seg.tight)
                tail = _Segment(" ".join(words[cut:]), "", seg.after, False)
                _classify(head, False)
                _classify(tail, False)
                rest = head if cut < 0 else tail
                if rest.kind in (_PLACE, _DROP, _CREDIT) or rest.words <= 2:
                    return [s for s in (head, tail) if s.kind not in (_DROP, _CREDIT)]
                return [seg]  # a sentence that mentions an agency
    return [seg]


class _Analysis:
    __slots__ = ("byline", "credit", "segments")

    def __init__(self, byline: Byline, segments: list[_Segment], credit: bool) -> None:
        self.byline, self.segments = byline, segments  # the segments that name something
        self.credit = credit  # it held a credit naming nobody: "خاص", "Staff Writer"


# Bylines repeat: a site prints the same few thousands of times ("أ ف ب-الامة برس").
@functools.lru_cache(maxsize=4096)
def _analyse(line: str) -> _Analysis | None:
    text = _clean(line)
    if not text or len(text) > MAX_CHARS:
        return None
    dates: list[datetime.date] = []
    text = _cut_dates(text, dates)
    segments = _split(text)
    author_next = False
    for seg in segments:
        author_next = _classify(seg, author_next)
    credit = any(s.kind == _CREDIT for s in segments)
    segments = _rejoin_agencies([s for s in segments if s.kind not in (_DROP, _CREDIT)])
    return _Analysis(_assign(segments, dates[0] if dates else None), segments, credit)


def _assign(segs: list[_Segment], date: datetime.date | None) -> Byline:
    agency = next((s.value for s in segs if s.kind == _AGENCY), None)
    if agency is None and any(s.kind == _GENERIC for s in segs):
        agency = GENERIC_AGENCY
    publication = None
    # The scraper's suffix, glued on by a bare dash ("ب-الامة برس"); a place there is a
    # paper named after its city when a byline comes before it ("واشنطن - أ ف ب-الرياض").
    last = segs[-1] if segs else None
    if last is not None and last.tight:
        if last.kind in (_UNKNOWN, _PUB) or (last.kind == _PERSON and not last.strong):
            publication = _publication_name(last.value.split())
        elif last.kind == _PLACE and (len(segs) > 1 or date is not None):
            publication = last.written
        last.used = publication is not None
    places = [s for s in segs if s.kind == _PLACE and not s.used]
    # So is a second place last, with a credit between: "واشنطن - أ ف ب - الرياض".
    between = len(places) > 1 and places[-1] is last and segs[-2].kind != _PLACE
    if publication is None and between and last.before.strip() not in (",", "،"):
        publication, last.used = last.written, True
        places.pop()
    dateline: list[str] = []  # a run of places: "أبها، واشنطن، بيروت"
    for seg in segs[segs.index(places[0]) :] if places else ():
        if seg.kind != _PLACE or seg.used:
            break
        seg.used = True
        if seg.value not in dateline:
            dateline.append(seg.value)
    if publication is None and (pub := next((s for s in segs if s.kind == _PUB), None)):
        publication, pub.used = pub.value, True
    # Unknown names: one just before an agency is where the story was filed ("سيول (أ ف ب)");
    # else one with a publication word, or the last, is the publication ("الرياض - الوئام"):
    # papers are named after their towns more often than the reverse.
    unknown = [
        s
        for s in segs
        if not s.used
        and s.words <= _NAME_MAX_WORDS
        and (s.kind == _UNKNOWN or (s.kind == _PERSON and not s.strong and not s.latin))
    ]
    if unknown and not dateline:
        for seg, nxt in itertools.pairwise(segs):
            if (
                nxt.kind in (_AGENCY, _GENERIC)
                and seg in unknown
                and seg.words <= 3
                and not seg.cue
            ):
                dateline.append(seg.value)
                seg.used = True
                unknown.remove(seg)
                break
    if publication is None and unknown:
        chosen = next((s for s in unknown if s.cue), None)
        chosen = chosen or next((s for s in reversed(unknown) if s.kind == _UNKNOWN), None)
        if chosen is not None:
            publication, chosen.used = _publication_name(chosen.value.split()), True
            unknown.remove(chosen)
    # A short name left beside the publication is its town: "سبق- الشنان:".
    town = next((s for s in unknown if s.kind == _UNKNOWN and s.words <= 2 and not s.cue), None)
    if publication is not None and not dateline and town is not None:
        dateline.append(town.value)
        town.used = True
    authors = dict.fromkeys(s.value for s in segs if s.kind == _PERSON and not s.used)
    joiner = ", " if all(s.latin for s in segs) else "، "
    return Byline(
        publication,
        agency,
        joiner.join(dateline) or None,
        joiner.join(authors) or None,
        date,
    )


# --- the public functions --------------------------------------------------------------------


def parse_byline(line: str) -> Byline:
    """The publication, agency, dateline and author a source line names (each optional)."""
    analysis = _analyse(line) if len(line) <= _MAX_RAW_CHARS else None  # no huge cache keys
    return Byline(None, None, None, None) if analysis is None else analysis.byline


def canonical_agency(text: str) -> str | None:
    """The canonical name of the agency ``text`` spells (``"(أ.ف.ب)"`` → ``"أ ف ب"``), or None.

    :data:`GENERIC_AGENCY` for the generic credit (وكالات، Agencies).
    """
    return _AGENCY_KEYS.get(_key(_clean(text))) if len(text) <= 100 else None


def looks_like_byline(line: str) -> bool:
    """Is this short line under a title a source line (not a subtitle or a body sentence)?

    Yes when it names an agency or a known place, a publication or an author by a cue
    (guillemets, the scraper's "-suffix", صحيفة / مكتب, a known paper, a given name, a label),
    is one name, short names between dashes, or a credit naming nobody (خاص). No when it ends
    like a sentence, holds a run of four unknown words or is "place: words", the shape of a
    headline ("مصر: ارتفاع التضخم").
    """
    analysis = _analyse(line) if len(line) <= _MAX_RAW_CHARS else None  # no huge cache keys
    if analysis is None:
        return False
    byline, segs = analysis.byline, analysis.segments
    if not any((byline.publication, byline.agency, byline.dateline, byline.author)):
        return analysis.credit and not segs
    end = line.rstrip()
    end = end.rstrip(".… ،,") if end.endswith(("...", "…")) else end
    if end[-1:] in ".!?؟;؛" and segs[-1].kind != _AGENCY:  # "أ.ف.ب." ends so too
        return False
    vague = [s for s in segs if s.kind == _UNKNOWN or (s.kind == _PERSON and not s.strong)]
    if any(s.words >= 4 or (s.words >= 2 and ":" in s.before and not s.cue) for s in vague):
        return False
    if len(segs) == 1 and segs[0].kind == _PERSON:
        return segs[0].strong and segs[0].words <= 3  # "محمد صلاح يسجل هدفين" is a headline
    if any(s.kind in (_AGENCY, _GENERIC, _PLACE) or s.strong or s.cue or s.tight for s in segs):
        return True
    if len(segs) == 1:
        return segs[0].words == 1
    return sum(s.words > 1 for s in vague) <= 1 and all(s.words <= 2 for s in vague)
