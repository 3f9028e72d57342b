"""Update the translation sources from the code, and build what the app loads.

    python tools/translations.py          # lupdate: translations/*.ts from reader/**/*.py
    python tools/translations.py --build  # and lrelease: resources/translations/*.qm

The .ts files are edited (by translators, or Qt Linguist); the .qm files are only ever
written by this script.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "translations"
BUILT = ROOT / "resources" / "translations"
LANGUAGES = ("ar", "en")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the environment running this script."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install the project (PySide6) first")
    return found


def update() -> None:
    code = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reader").rglob("*.py"))
    SOURCES.mkdir(exist_ok=True)
    for language in LANGUAGES:
        target = SOURCES / f"qari_{language}.ts"
        known = known_translations(target) if target.exists() else {}
        subprocess.run(
            [tool("lupdate"), "-locations", "none", "-no-obsolete", "-target-language",
             language, *code, "-ts", str(target.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )  # fmt: skip
        carry_over(target, known)
    fill_source_language(SOURCES / "qari_en.ts")


def known_translations(path: Path) -> dict[str, str]:
    """Every finished translation in a .ts file, by source text (whatever its context)."""
    found = {}
    for message in ElementTree.parse(path).iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if translation is not None and translation.text and translation.get("type") is None:
            found[source.text] = translation.text
    return found


def carry_over(path: Path, known: dict[str, str]) -> None:
    """A string that moved to another class (another translation context) keeps its
    translation: lupdate alone would drop it with the old context and ask for it again."""
    tree = ElementTree.parse(path)
    changed = False
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        unfinished = translation is not None and (
            not translation.text or translation.get("type") == "unfinished"
        )
        if unfinished and source.text in known:
            translation.text = known[source.text]
            translation.attrib.pop("type", None)
            changed = True
    if changed:
        write_ts(tree, path)


def fill_source_language(path: Path) -> None:
    """English is the language of the code: its translations are the source texts."""
    tree = ElementTree.parse(path)
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        unfinished = translation is not None and (
            not translation.text or translation.get("type") == "unfinished"
        )
        if unfinished and source is not None:
            forms = translation.findall("numerusform")
            if forms:  # "%n thing(s)": one, then many
                # "version(s)": version, versions; "story(ies)": story, stories.
                one = re.sub(r"\((\w+)\)", "", source.text)
                many = re.sub(r"\((\w+)\)", r"\1", re.sub(r"y\(ies\)", "ies", source.text))
                for form, text in zip(forms, (one, many), strict=False):
                    form.text = text.replace("%n", "1", 1) if text is one else text
                translation.text = None
            else:
                translation.text = source.text
            translation.attrib.pop("type", None)
    write_ts(tree, path)


def write_ts(tree: ElementTree.ElementTree, path: Path) -> None:
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def build(out: Path = BUILT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for language in LANGUAGES:
        target = out / f"qari_{language}.qm"
        subprocess.run(
            [tool("lrelease"), "-silent", str(SOURCES / f"qari_{language}.ts"), "-qm", str(target)],
            check=True,
        )
        built.append(target)
    return built


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also build the .qm files")
    parser.add_argument("--build-only", action="store_true", help="only build the .qm files")
    args = parser.parse_args()
    if not args.build_only:
        update()
    if args.build or args.build_only:
        build()
