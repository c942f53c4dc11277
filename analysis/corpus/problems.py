"""What goes wrong while reading a corpus: the error and warning classes, and the collectors
that raise every error at once or set bad articles aside."""

from __future__ import annotations

import warnings
from pathlib import Path

__all__ = ["CorpusError", "CorpusWarning", "Problems", "Notes"]


class CorpusError(ValueError):
    """Raised when the raw files or the manifest cannot be read as a corpus."""


class CorpusWarning(UserWarning):
    """An article was set aside, a field was filled in, or two sources disagree."""


class Problems:
    """Collects what goes wrong; raises all errors at once, or sets articles aside."""

    def __init__(self, on_error: str):
        if on_error not in ("raise", "skip"):
            raise ValueError("on_error must be 'raise' or 'skip'")
        self.on_error = on_error
        self.rows: list[dict] = []
        self.errors: list[str] = []

    def error(self, article_id: str, file: str, message: str) -> None:
        if self.on_error == "raise":
            self.errors.append(message)
        else:
            warnings.warn(f"set aside: {message}", CorpusWarning, stacklevel=3)
            self.rows.append({"article_id": article_id, "file": file, "level": "set aside", "problem": message})

    def note(self, article_id: str, file: str, level: str, message: str) -> None:
        if level == "warning":
            warnings.warn(message, CorpusWarning, stacklevel=3)
        self.rows.append({"article_id": article_id, "file": file, "level": level, "problem": message})

    def raise_if_any(self, where: Path) -> None:
        if self.errors:
            head = f"{len(self.errors)} problem(s) in {where}:" if len(self.errors) > 1 else ""
            raise CorpusError("\n".join(filter(None, [head, *self.errors])))


class Notes:
    """What one article's reading found, kept as ``(level, message)`` for the caller to report."""

    def __init__(self, notes: list):
        self.notes = notes

    def error(self, article_id: str, file: str, message: str) -> None:
        self.notes.append(("error", message))

    def note(self, article_id: str, file: str, level: str, message: str) -> None:
        self.notes.append((level, message))
