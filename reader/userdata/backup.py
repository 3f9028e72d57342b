"""The safety net under the user's store: rolling JSON backups, and opening the store however
it is found (damaged, read-only, from a newer Qari). Qt-free."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from reader.userdata.savefile import write_atomically
from reader.userdata.store import CorruptStoreError, StoreError, UserStore

BACKUPS_KEPT = 10


@dataclass(frozen=True, slots=True)
class Notice:
    """Something about the user's data the user must be told (worded by the interface)."""

    kind: str  # RESTORED, DAMAGED_NO_BACKUP or READ_ONLY
    reason: str  # the technical cause, shown as detail
    moved_to: str = ""  # where a damaged store was put
    backup: str = ""  # the backup it was restored from


RESTORED = "restored"
DAMAGED_NO_BACKUP = "damaged-no-backup"
READ_ONLY = "read-only"


def write_backup(store: UserStore, folder: str | Path, keep: int = BACKUPS_KEPT) -> Path | None:
    """Save a JSON backup of everything unless the newest one already holds the same;
    keep the ``keep`` newest. Returns the file written, if any."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    payload = store.dump()
    body = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
    newest = latest_backup(folder)
    if newest is not None and _payload_of(newest) == payload:
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"userdata-{stamp}.json"
    write_atomically(target, (body + "\n").encode("utf-8"))
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


def open_user_store(path: str | Path, backups: str | Path) -> tuple[UserStore, list[Notice]]:
    """Open the store however it is found; returns it and what the user should be told.

    A damaged store is moved aside (never deleted) and a new one filled from the newest
    backup; a store that can't be written is opened read-only; one that can't be read at all
    is replaced, for this session, by an empty read-only store.
    """
    path, notices = Path(path), []
    try:
        store = UserStore(path)
    except CorruptStoreError as err:
        aside = path.with_name(f"{path.name}.damaged-{dt.datetime.now():%Y%m%d-%H%M%S}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{path}{suffix}")
            if source.exists():
                shutil.move(source, f"{aside}{suffix}")
        store = UserStore(path)
        newest = latest_backup(backups)
        restored = False
        if newest is not None:
            try:
                store.import_json(newest.read_text(encoding="utf-8"))
                restored = True
            except (OSError, UnicodeDecodeError, StoreError):
                pass
        if restored:
            notices.append(Notice(RESTORED, str(err), str(aside), newest.name))
        else:
            notices.append(Notice(DAMAGED_NO_BACKUP, str(err), str(aside)))
        return store, notices
    except StoreError as err:
        try:
            store = UserStore(path, read_only=True)
        except StoreError:
            store = UserStore.empty(str(err))
        store.read_only_reason = str(err)
        notices.append(Notice(READ_ONLY, str(err)))
        return store, notices
    return store, notices
