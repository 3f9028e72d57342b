"""Start-up: parse the command line, then run a headless command or open the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__, cli, paths


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    parser = cli.build_parser()
    args, qt_args = parser.parse_known_args(argv[1:])

    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    paths.set_data_dir(args.data_dir)

    if cli.is_headless(args):
        if qt_args:
            parser.error(f"unrecognized arguments: {' '.join(qt_args)}")
        return cli.run(args)
    return run_gui(args, [argv[0], *qt_args], parser)


def run_gui(args, qt_argv: list[str], parser) -> int:
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader import settings as S
    from reader.fonts import register_bundled_fonts
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow
    from reader.userdata import StoreError, UserStore

    QGuiApplication.setDesktopFileName("qari")
    app = QApplication(qt_argv)
    leftover = app.arguments()[1:]  # Qt took the options it knows (-platform, -style…)
    if leftover:
        parser.error(f"unrecognized arguments: {' '.join(leftover)}")
    bundled = register_bundled_fonts()
    if bundled:
        # Arabic in the list and menus from a real Arabic font; Latin still from the system's.
        font = QFont(app.font())
        font.setFamilies([*bundled[1:], app.font().family()])
        app.setFont(font)

    settings = Settings(paths.settings_path())
    try:
        store = UserStore(paths.user_store_path())
    except StoreError as err:
        QMessageBox.critical(None, "Qari", str(err))
        return 1
    library = cli.default_library(args.paths)
    remembered = [p for p in settings.get(S.LAST_LIBRARY) if Path(p).exists()]
    if not args.paths and remembered:
        library = remembered
    elif args.paths:
        settings.set(S.LAST_LIBRARY, [str(Path(p).resolve()) for p in args.paths])
    window = MainWindow(settings, store, library)
    window.show()
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
