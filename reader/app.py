"""Start-up: parse the command line, then run a headless command or open the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__, cli
from reader.qt import paths


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


def create_application(qt_argv: list[str]):
    """The QApplication, with the bundled Arabic fonts registered before any widget exists."""
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from reader.qt.fonts import register_bundled_fonts

    QGuiApplication.setDesktopFileName("qari")
    app = QApplication(qt_argv)
    bundled = register_bundled_fonts()
    if bundled:
        # Arabic in the list and menus from a real Arabic font; Latin still from the system's.
        font = QFont(app.font())
        font.setFamilies([*bundled[1:], app.font().family()])
        app.setFont(font)
    return app


def create_main_window(library_args: Sequence[str]):
    """The main window on the data dir in force, telling the user of any trouble with their
    stored data (a damaged store restored, a read-only folder)."""
    from reader.qt import settings as S
    from reader.qt.settings import Settings
    from reader.qt.user_state import UserState
    from reader.ui.main_window import MainWindow

    settings = Settings(paths.settings_path())
    store, notices = cli.open_store()  # the same guarded opening as every command
    library = cli.default_library(library_args)
    remembered = [p for p in settings.get(S.LAST_LIBRARY) if Path(p).exists()]
    if library_args:
        settings.set(S.LAST_LIBRARY, [str(Path(p).resolve()) for p in library_args])
    elif remembered:
        library = remembered
    window = MainWindow(settings, UserState(store, paths.backups_dir()), library)
    if notices:
        from reader.ui.notices import describe

        for notice in notices:
            window.tell(describe(notice))
    return window


def run_gui(args, qt_argv: list[str], parser) -> int:
    from reader.qt.single_instance import SingleInstance, server_name

    app = create_application(qt_argv)
    leftover = app.arguments()[1:]  # Qt took the options it knows (-platform, -style…)
    if leftover:
        parser.error(f"unrecognized arguments: {' '.join(leftover)}")
    from reader.qt import settings as S
    from reader.qt.i18n import install_language
    from reader.qt.settings import Settings

    install_language(app, args.lang or Settings(paths.settings_path()).get(S.LANGUAGE))
    instance = SingleInstance(server_name(paths.data_dir()))
    given = [str(Path(p).expanduser().resolve()) for p in args.paths]
    if instance.hand_over(given):
        return 0  # the window already open on this data folder takes it from here
    instance.listen()
    window = create_main_window(args.paths)
    instance.paths_received.connect(window.receive_paths)
    window.show()
    _close_on_signals(app)
    code = app.exec()
    instance.close()
    window.user_state.close()
    return code


def _close_on_signals(app) -> None:
    """Ctrl+C or a polite kill closes the window the normal way, saving its state."""
    import signal

    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.closeAllWindows())
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


if __name__ == "__main__":
    sys.exit(main())
