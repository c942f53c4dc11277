"""What one notebook computed, kept for the next: notebooks 02-04 save their measures, notebook 05 reads them.

Each stage is a folder of Parquet files under ``<processed>/stages/<stage>/``, one
per table, written with pyarrow: column types survive the round trip exactly
(integers stay integers, missing values stay missing), so a table read back is
equal to the one saved, and re-saving unchanged tables writes the same bytes.
These files are for the notebooks; the CSV tables beside them are for people.

Examples
--------
>>> import tempfile, pandas as pd
>>> folder = Path(tempfile.mkdtemp())
>>> _ = save_stage(folder, "tone", {"summary": pd.DataFrame({"outlet": ["A"], "mean": [0.25]})})
>>> load_stage(folder, "tone")["summary"]["mean"].tolist()
[0.25]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["STAGES", "save_stage", "load_stage"]

#: The stages and the notebook that writes each.
STAGES = {"tone": "02-sentiment", "frames": "03-framing", "emphasis": "04-emphasis"}


def _folder(processed_dir: Path | str, stage: str) -> Path:
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; the stages are {', '.join(STAGES)}")
    return Path(processed_dir) / "stages" / stage


def save_stage(processed_dir: Path | str, stage: str, tables: dict[str, pd.DataFrame]) -> list[Path]:
    """Write each table of ``tables`` to ``<processed_dir>/stages/<stage>/<name>.parquet``; return the paths.

    Files of this stage that ``tables`` no longer names are removed, so the folder holds one run.
    """
    folder = _folder(processed_dir, stage)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in tables.items():
        path = folder / f"{name}.parquet"
        table.reset_index(drop=True).to_parquet(path, index=False)
        paths.append(path)
    for stale in set(folder.glob("*.parquet")) - set(paths):
        stale.unlink()
    return paths


def load_stage(processed_dir: Path | str, stage: str) -> dict[str, pd.DataFrame]:
    """The tables :func:`save_stage` wrote for ``stage``, by name.

    Raises ``FileNotFoundError`` naming the notebook to run when the stage is missing.
    """
    folder = _folder(processed_dir, stage)
    files = sorted(folder.glob("*.parquet"))
    if not files:
        raise FileNotFoundError(f"{folder}: no saved {stage} measures; run notebooks/{STAGES[stage]}.ipynb first")
    return {p.stem: pd.read_parquet(p) for p in files}
