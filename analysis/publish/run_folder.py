"""The output folder of a ``compare`` run: exclusive, atomic, recorded, and never clobbering a user's files.

A run is built in a fresh hidden folder beside ``--out`` (``.DIR.partial-<pid>``)
and moved into place only when it is complete, so ``DIR`` always holds one whole
run or nothing new. A lock file beside it (``.DIR.lock``) refuses a second run
into the same folder while the first is going. ``DIR/run.json`` records what the
folder holds: the input and its checksums, the options, the package versions and
when the run completed.

What is already in ``DIR`` is handled by who made it:

* a folder a run made (it holds ``run.json`` and nothing the record does not
  list) is replaced by the new run;
* anything else that is not empty is refused, unless ``force``: then it is moved
  aside whole to ``DIR.previous`` (``DIR.previous-2``, ...), never deleted.

A run that fails in a notebook keeps what it wrote as ``DIR.failed`` so that the
traceback can be read; an interrupted run leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["RECORD", "RunFolderError", "check_destination", "run_folder", "write_record", "recorded_files"]

#: The record a run writes into its folder.
RECORD = "run.json"


class RunFolderError(Exception):
    """The output folder cannot be used; the message is one line for the user."""


def _lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


def _partial_prefix(out: Path) -> str:
    return f".{out.name}.partial-"


def recorded_files(folder: Path) -> set[str] | None:
    """The files (relative POSIX paths) a run's record lists, or None if ``folder`` holds no record."""
    record = folder / RECORD
    if not record.is_file():
        return None
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        return set(data["files"]) | {RECORD}
    except (ValueError, KeyError, TypeError, OSError):
        return None


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _foreign(out: Path) -> list[str]:
    """Files in ``out`` that no run recorded making (all of them when there is no record)."""
    if not out.is_dir():
        return []
    present = _files(out)
    recorded = recorded_files(out)
    if recorded is None:
        return present
    return [f for f in present if f not in recorded]


def check_destination(out: Path | str, *, force: bool = False) -> Path:
    """Check that a run may write ``out``; return it absolute. Raises :class:`RunFolderError` (one line).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> check_destination(d / "new") == (d / "new").resolve()
    True
    >>> (d / "file.txt").write_text("x")
    1
    >>> check_destination(d / "file.txt")
    Traceback (most recent call last):
    ...
    analysis.publish.run_folder.RunFolderError: --out ...file.txt: is a file, not a folder
    """
    out = Path(out).expanduser().absolute()
    if out.exists() and not out.is_dir():
        raise RunFolderError(f"--out {out}: is a file, not a folder")
    existing = out
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise RunFolderError(f"--out {out}: {existing} is a file, so no folder can be made inside it")
    if not os.access(existing, os.W_OK | os.X_OK) or (out.exists() and not os.access(out.parent, os.W_OK | os.X_OK)):
        raise RunFolderError(f"--out {out}: {existing if not out.exists() else out.parent} is not writable")
    foreign = _foreign(out)
    if foreign and not force:
        raise RunFolderError(
            f"--out {out}: holds {len(foreign)} file(s) a compare run did not make (e.g. {foreign[0]}); "
            "choose an empty or new folder, or pass --force to move it aside to "
            f"{out.name}.previous (nothing is deleted)"
        )
    return out.resolve() if out.exists() else out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _take_lock(out: Path) -> Path:
    lock = _lock_path(out)
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                pid, host = lock.read_text(encoding="utf-8").split()[:2]
                pid = int(pid)
            except (OSError, ValueError):
                pid, host = -1, ""
            if host == socket.gethostname() and pid > 0 and not _alive(pid):
                lock.unlink(missing_ok=True)  # left by a run that no longer exists on this machine
                continue
            raise RunFolderError(
                f"--out {out}: another compare run (process {pid} on {host or 'unknown host'}) is writing this folder; "
                f"wait for it to finish (or delete {lock} if no run is going)"
            ) from None
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {socket.gethostname()}\n")
        return lock
    raise RunFolderError(f"--out {out}: could not take the lock {lock}")


def _free_sibling(out: Path, suffix: str) -> Path:
    candidate = out.with_name(f"{out.name}.{suffix}")
    k = 2
    while candidate.exists():
        candidate = out.with_name(f"{out.name}.{suffix}-{k}")
        k += 1
    return candidate


def _clear_stale_partials(out: Path) -> None:
    for p in out.parent.glob(_partial_prefix(out) + "*"):
        try:
            pid = int(p.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if pid == os.getpid() or not _alive(pid):
            shutil.rmtree(p, ignore_errors=True)


def write_record(folder: Path, record: dict) -> Path:
    """Write ``run.json`` into ``folder``: ``record`` plus the list of every file the folder holds."""
    data = dict(record)
    data["files"] = [f for f in _files(folder) if f != RECORD]
    path = folder / RECORD
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


class NotebookFailed(Exception):
    """A notebook of the run failed; ``notebook`` names it inside the run folder."""

    def __init__(self, message: str, notebook: Path):
        super().__init__(message)
        self.notebook = notebook


@contextmanager
def run_folder(out: Path | str, *, force: bool = False, record: dict | None = None) -> Iterator[Path]:
    """Give a fresh staging folder for a run into ``out``; move it into place when the block ends cleanly.

    ``record`` (a dict, filled in by the caller as the run goes) is written as ``run.json``
    with the list of files just before the move. On :class:`NotebookFailed` the staging
    folder becomes ``out.failed`` and the exception's ``notebook`` is repointed there; on
    any other exception or interruption the staging folder is removed. The lock is always
    released.
    """
    out = check_destination(out, force=force)
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = _take_lock(out)
    staging = out.parent / f"{_partial_prefix(out)}{os.getpid()}"
    try:
        _clear_stale_partials(out)
        staging.mkdir()
        try:
            yield staging
        except NotebookFailed as exc:
            failed = out.with_name(f"{out.name}.failed")
            if failed.exists() and not _foreign(failed):
                shutil.rmtree(failed)
            elif failed.exists():
                failed = _free_sibling(out, "failed")
            staging.rename(failed)
            exc.notebook = failed / exc.notebook.relative_to(staging) if exc.notebook.is_relative_to(staging) else exc.notebook
            raise
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        write_record(staging, record or {})
        foreign = _foreign(out)  # checked again: files may have appeared during the run
        if out.exists() and foreign and not force:
            shutil.rmtree(staging, ignore_errors=True)
            raise RunFolderError(f"--out {out}: files appeared in it during the run (e.g. {foreign[0]}); nothing was replaced")
        if out.exists():
            aside = _free_sibling(out, "previous") if foreign else out.with_name(f".{out.name}.old-{os.getpid()}")
            out.rename(aside)
            staging.rename(out)
            if not foreign:
                shutil.rmtree(aside, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        if staging.exists() and staging.name.startswith(_partial_prefix(out)):
            shutil.rmtree(staging, ignore_errors=True)
        lock.unlink(missing_ok=True)
