"""How valid is each tone-toward-target instrument? Scores on NewsMTSC's development splits.

    python benchmarks/validity.py [--n-boot 2000]

For each instrument of ``analysis.measures.tone.toward`` (the trained model, the VADER and TextBlob
sentence baselines and all-neutral) and each development split (dev_mt: sentences with several
targets; dev_rw: the real-world mix) this prints macro-F1, the F1 of each class and accuracy, in
percent, each with a 95% percentile bootstrap interval. The bootstrap resamples sentences (all the
targets of a sentence go together), with the project's fixed seed. The test splits are not
bundled: they are kept apart to measure the instruments independently.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

from analysis.measures.tone.toward import INSTRUMENTS, LABELS, tone_toward
from analysis.measures.tone.train_toward import load_newsmtsc
from analysis.stats.settings import LEVEL, N_BOOT, SEED

METRICS = ("macro_f1", *(f"f1_{label}" for label in LABELS), "accuracy")


def confusion_counts(gold: np.ndarray, predicted: np.ndarray) -> np.ndarray:
    """Per-row 3x3 one-hot confusion cells (gold * 3 + predicted), summed later per resample."""
    cells = np.zeros((len(gold), len(LABELS) ** 2))
    cells[np.arange(len(gold)), gold * len(LABELS) + predicted] = 1.0
    return cells


def metrics_from_confusion(confusion: np.ndarray) -> np.ndarray:
    """``METRICS`` (percent) from confusion matrices of shape ``(..., 3, 3)`` (gold rows)."""
    tp = np.diagonal(confusion, axis1=-2, axis2=-1)
    gold, predicted = confusion.sum(axis=-1), confusion.sum(axis=-2)
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(gold + predicted > 0, 2 * tp / (gold + predicted), 0.0)
    accuracy = tp.sum(axis=-1) / confusion.sum(axis=(-2, -1))
    return 100 * np.concatenate([f1.mean(axis=-1, keepdims=True), f1, accuracy[..., None]], axis=-1)


def score_split(split: pd.DataFrame, predicted: pd.Series, *, n_boot: int = N_BOOT, seed: int = SEED,
                level: float = LEVEL) -> pd.DataFrame:
    """Point estimates and bootstrap intervals (sentences resampled) of ``METRICS``."""
    index = {label: i for i, label in enumerate(LABELS)}
    cells = confusion_counts(split["label"].map(index).to_numpy(), predicted.map(index).to_numpy())
    sentence = pd.factorize(split["sentence_id"])[0]
    per_sentence = np.zeros((sentence.max() + 1, cells.shape[1]))
    np.add.at(per_sentence, sentence, cells)
    point = metrics_from_confusion(per_sentence.sum(axis=0).reshape(3, 3))
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(per_sentence), size=(n_boot, len(per_sentence)))
    weights = np.zeros((n_boot, len(per_sentence)))
    for b in range(n_boot):
        weights[b] = np.bincount(draws[b], minlength=len(per_sentence))
    boot = metrics_from_confusion((weights @ per_sentence).reshape(n_boot, 3, 3))
    alpha = (1 - level) / 2
    low, high = np.quantile(boot, [alpha, 1 - alpha], axis=0)
    return pd.DataFrame({"estimate": point, "low": low, "high": high}, index=list(METRICS))


def validity_table(*, n_boot: int = N_BOOT, seed: int = SEED) -> pd.DataFrame:
    """One row per instrument, split and metric: ``estimate``, ``low``, ``high`` (percent)."""
    rows = []
    for split_name in ("dev_mt", "dev_rw"):
        split = load_newsmtsc(split_name)
        for instrument in INSTRUMENTS:
            predicted = tone_toward(split, instrument=instrument)["label"]
            table = score_split(split, predicted, n_boot=n_boot, seed=seed)
            for metric, row in table.iterrows():
                rows.append({"split": split_name, "instrument": instrument, "metric": metric, **row})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-boot", type=int, default=N_BOOT)
    args = parser.parse_args(argv)
    table = validity_table(n_boot=args.n_boot)
    table["cell"] = [f"{e:5.1f} [{lo:4.1f}, {hi:4.1f}]" for e, lo, hi in zip(table.estimate, table.low, table.high)]
    print(f"Tone toward a target on NewsMTSC development splits: percent, {LEVEL:.0%} bootstrap intervals "
          f"({args.n_boot} resamples of sentences, seed {SEED}).")
    for split_name, part in table.groupby("split", sort=False):
        n = len(load_newsmtsc(split_name))
        print(f"\n{split_name} ({n} targets)")
        wide = part.pivot(index="instrument", columns="metric", values="cell").loc[list(INSTRUMENTS), list(METRICS)]
        print(wide.to_string())


if __name__ == "__main__":
    main()
