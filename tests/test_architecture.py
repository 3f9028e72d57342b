"""The house's rules, checked: the Qt-free core loads no Qt, every package is installed,
and no module outgrows its room."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import reader

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ("reader.text", "reader.library", "reader.userdata")
MAX_MODULE_LINES = 450


def _modules(package: str) -> list[str]:
    folder = ROOT / package.replace(".", "/")
    return [package] + [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)])]


def _qt_modules_after(code: str) -> list[str]:
    """The PySide6/shiboken6 modules a fresh interpreter has loaded after running ``code``."""
    probe = code + (
        "\nimport sys\n"
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_the_qt_free_core_loads_no_qt():
    modules = [m for package in QT_FREE for m in _modules(package)]
    assert len(modules) > 15  # the packages were found
    imports = "\n".join(f"import {m}" for m in modules)
    assert _qt_modules_after(imports) == []


def test_the_test_setup_loads_no_qt():
    # conftest runs for every test: the Qt-free tests must not pay for (or depend on) Qt.
    code = "import sys; sys.path.insert(0, 'tests'); import conftest"
    assert _qt_modules_after(code) == []


def test_the_command_line_parser_loads_no_qt():
    assert _qt_modules_after("from reader import cli; cli.build_parser()") == []


def test_every_package_is_installed():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    found = {
        ".".join(p.relative_to(ROOT).parts[:-1])
        for p in (ROOT / "reader").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= set(declared["packages"])


def test_no_module_outgrows_its_room():
    long = {
        str(p.relative_to(ROOT)): n
        for p in Path(reader.__file__).parent.rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
