"""Retrain the tone-toward-target model from NewsMTSC's training split.

    python -m analysis.measures.tone.train_toward            # writes analysis/models/tone_toward.npz
    python -m analysis.measures.tone.train_toward --out other.npz --limit 1000

Deterministic: the same data and ``CONFIG`` give the same file. The settings in ``CONFIG`` were chosen
by five-fold cross-validation on the training split, grouped by sentence
(docs/validity-tone-toward.md); the development splits were used only to check them.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.measures.tone.toward import LABELS, MODEL_FILE
from analysis.measures.tone.toward_features import CONTEXT_COLUMNS, LEXICON_COLUMNS, VIEWS, target_features

NEWSMTSC = Path(__file__).resolve().parents[3] / "data" / "validation" / "newsmtsc"
SPLITS = ("train", "dev_mt", "dev_rw")

#: The chosen classifier: multinomial logistic regression on standardised features, the lexicon and
#: context block up-weighted against the 1,536 embedding columns, classes weighted to balance.
CONFIG = {"model": "logreg", "C": 0.0003, "lex_weight": 2.0, "class_weight": "balanced", "seed": 20200608}


def load_newsmtsc(split: str, *, directory: Path = NEWSMTSC) -> pd.DataFrame:
    """One NewsMTSC split: ``sentence_id, text, start, end, target, label`` (one row per target)."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not one of {', '.join(SPLITS)}")
    path = directory / f"{split}.jsonl"
    table = pd.read_json(path, lines=True, dtype=False).rename(columns={"from": "start", "to": "end"})
    for row in table.itertuples():
        if row.text[row.start : row.end] != row.target:
            raise ValueError(f"{path} line {row.Index + 1}: text[{row.start}:{row.end}] is not the target {row.target!r}")
    return table[["sentence_id", "text", "start", "end", "target", "label"]]


def fit_model(train: pd.DataFrame, *, config: dict = CONFIG) -> dict:
    """Fit the classifier on ``train`` (with ``label``); returns the arrays :func:`save_model` writes."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    features = target_features(train)
    y = train["label"].to_numpy()
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    n_embedding = features.shape[1] - len(LEXICON_COLUMNS) - len(CONTEXT_COLUMNS)
    scale[n_embedding:] /= config["lex_weight"]
    x = (features - mean) / scale
    if config["model"] == "logreg":
        clf = LogisticRegression(C=config["C"], class_weight=config["class_weight"], max_iter=5000, tol=1e-6)
        clf.fit(x, y)
        layers = [(clf.coef_.T, clf.intercept_)]
    elif config["model"] == "mlp":
        clf = MLPClassifier((config["hidden"],), alpha=config["alpha"], max_iter=300, early_stopping=True,
                            random_state=config["seed"])
        clf.fit(x, y)
        layers = list(zip(clf.coefs_, clf.intercepts_))
    else:
        raise ValueError(f"config model {config['model']!r} is not logreg or mlp")
    if tuple(clf.classes_) != LABELS:
        raise ValueError(f"training labels {list(clf.classes_)} are not {list(LABELS)}")
    meta = {"classes": list(LABELS), "n_layers": len(layers), "config": config, "n_train": len(train),
            "views": list(VIEWS), "lexical_columns": LEXICON_COLUMNS + CONTEXT_COLUMNS,
            "embedding": "wordllama l2_supercat 256"}
    return {"mean": mean, "scale": scale, "layers": layers, "meta": meta}


def save_model(model: dict, path: Path | str = MODEL_FILE) -> Path:
    """Write the model as plain arrays (float32 weights) in an uncompressed-free ``.npz``."""
    arrays = {"mean": model["mean"].astype(np.float32), "scale": model["scale"].astype(np.float32),
              "meta": np.array(json.dumps(model["meta"], sort_keys=True))}
    for i, (weight, bias) in enumerate(model["layers"]):
        arrays[f"weight_{i}"] = np.asarray(weight, np.float32)
        arrays[f"bias_{i}"] = np.asarray(bias, np.float32)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # np.savez_compressed stamps no dates into the zip entries, so the same model gives the same bytes.
    with open(path, "wb") as handle:
        np.savez_compressed(handle, **arrays)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="where to write the model (.npz)")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N rows only")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    train = load_newsmtsc("train")
    if args.limit:
        train = train.iloc[: args.limit]
    path = save_model(fit_model(train), args.out)
    print(f"trained on {len(train)} targets in {time.perf_counter() - started:.0f} s; wrote {path}")


if __name__ == "__main__":
    main()
