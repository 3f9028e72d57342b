"""The safety net under the user's store: rolling JSON backups that compact the journal, and
the one guarded way every entry point opens the store, however it is found (damaged,
read-only, from a newer Qari). Qt-free."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from reader.userdata import journal as journaling
from reader.userdata.journal import Journal
from reader.userdata.salvage import salvage
from reader.userdata.savefile import write_atomically
from reader.userdata.store import CorruptStoreError, StoreError, UserStore

BACKUPS_KEPT = 10


@dataclass(frozen=True, slots=True)
class Notice:
    """Something about the user's data the user must be told (worded by the interface)."""

    kind: str  # RESTORED, DAMAGED_NO_BACKUP, REPLAYED or READ_ONLY
    reason: str  # the technical cause, shown as detail
    moved_to: str = ""  # where a damaged store was put
    backup: str = ""  # the backup it was restored from ("" if none could be read)
    from_journal: int = 0  # changes the journal held that the store (or backup) lacked
    salvaged: int = 0  # rows read from the damaged file that nothing else held
    bookmarks: int = 0  # what the restored store holds
    marks: int = 0


RESTORED = "restored"
DAMAGED_NO_BACKUP = "damaged-no-backup"
REPLAYED = "replayed"  # a healthy store lacked changes the journal had
READ_ONLY = "read-only"


def write_backup(store: UserStore, folder: str | Path, keep: int = BACKUPS_KEPT) -> Path | None:
    """Save a JSON backup of everything unless the newest one already holds the same;
    keep the ``keep`` newest. Returns the file written, if any.

    Then the journal is emptied: the backup holds all of it. The store's write lock is held
    from the dump to the compaction, so no change (from a command line running meanwhile)
    can land in the journal after the one and be dropped by the other. A crash between the
    backup and the compaction leaves records the backup has too: replaying them is harmless.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with store.held():
        payload = store.dump()
        newest = latest_backup(folder)
        target = None
        if newest is None or _payload_of(newest) != payload:
            body = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
            target = folder / f"userdata-{stamp}.json"
            write_atomically(target, (body + "\n").encode("utf-8"))
        if store.journal is not None and not store.read_only:
            # Not compacted: it grows, and replays as before. Any write would fail as well
            # and say why, so there is nothing to tell here.
            with contextlib.suppress(OSError):
                store.journal.reset()
    if target is not None:
        for old in sorted(folder.glob("userdata-*.json"))[:-keep]:
            old.unlink(missing_ok=True)
    return target


def latest_backup(folder: str | Path) -> Path | None:
    found = sorted(Path(folder).glob("userdata-*.json"))
    return found[-1] if found else None


def _payload_of(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def open_user_store(
    path: str | Path, backups: str | Path, journal: str | Path | None = None
) -> tuple[UserStore, list[Notice]]:
    """Open the store however it is found; returns it and what the user should be told.

    The one way in, for the window and every command. The journal (default: beside the
    store) is replayed over a healthy store, completing what a crash or a lost write-ahead log
    cut short. A damaged store is moved aside (never deleted) and a new one filled from the
    newest backup, then the journal, then whatever rows the damaged file still gives. A store
    that can't be written is opened read-only; one that can't be read at all is replaced, for
    this session, by an empty read-only store.
    """
    path = Path(path)
    log = Journal(journal if journal is not None else journaling.beside(path))
    try:
        store = UserStore(path, journal=log)
    except CorruptStoreError as err:
        try:
            return _rebuild(path, Path(backups), log, str(err))
        except (OSError, StoreError) as error:  # not even moved aside: touch nothing
            reason = f"{path} is damaged ({err}) and could not be rebuilt: {error}"
            return UserStore.empty(reason), [Notice(READ_ONLY, reason)]
    except StoreError as err:
        try:
            store = UserStore(path, read_only=True)
        except StoreError:
            store = UserStore.empty(str(err))
        store.read_only_reason = str(err)
        return store, [Notice(READ_ONLY, str(err))]
    records, replayed = list(log.records()), 0
    if records:
        with contextlib.suppress(StoreError):  # can't take them now: the journal keeps them
            replayed = store.restore(lambda db: journaling.replay(db, records))
    if not replayed:
        return store, []
    reason = f"{log.path} has them, {path.name} did not"
    return store, [Notice(REPLAYED, reason, from_journal=replayed)]


def _rebuild(path: Path, backups: Path, log: Journal, reason: str) -> tuple[UserStore, list]:
    aside = _move_aside(path)
    # Filled outside the journal: all it is filled with is in a backup or the journal already.
    store = UserStore(path, journal=False)
    used = ""
    for backup in sorted(backups.glob("userdata-*.json"), reverse=True):
        try:  # the newest that can be read
            store.import_json(backup.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, StoreError):
            continue
        used = backup.name
        break
    records, from_journal, salvaged = list(log.records()), 0, 0
    gone = journaling.removed(records)
    # Each step on its own: one that fails (a full disk) keeps what the others restored.
    with contextlib.suppress(StoreError):
        from_journal = store.restore(lambda db: journaling.replay(db, records))
    with contextlib.suppress(StoreError):
        salvaged = store.restore(lambda db: salvage(aside, db, gone))
    store.journal = log
    if not (used or from_journal or salvaged):
        return store, [Notice(DAMAGED_NO_BACKUP, reason, str(aside))]
    # What was restored in two places again at once, rather than when the window's timer
    # fires: a command line has none.
    with contextlib.suppress(OSError, StoreError):
        write_backup(store, backups)
    counts = len(store.bookmarks()), len(store.marks())
    notice = Notice(RESTORED, reason, str(aside), used, from_journal, salvaged, *counts)
    return store, [notice]


def _move_aside(path: Path) -> Path:
    """Move a damaged store and its -wal/-shm to a name of their own, never over another."""
    stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}"
    aside, n = path.with_name(f"{path.name}.damaged-{stamp}"), 1
    while any(Path(f"{aside}{s}").exists() for s in ("", "-wal", "-shm")):
        aside, n = path.with_name(f"{path.name}.damaged-{stamp}-{n}"), n + 1
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.move(source, f"{aside}{suffix}")
    return aside
