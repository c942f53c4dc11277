"""Time actor and aspect discovery and the near-duplicate check on an invented corpus.

    PYTHONPATH=. python benchmarks/discover.py [N_ARTICLES]

Articles are 20 sentences of words drawn from an invented Zipf vocabulary, each naming three
invented people (full name first, surname later); one article in a hundred is followed by a
wire copy with its last two sentences cut. Prints seconds and what was found.
"""

import random
import sys
import time

import numpy as np
import pandas as pd

from analysis.corpus.near_duplicates import find_near_duplicates
from analysis.lexicons.discover import discover_actors, discover_aspects


def invented_corpus(n: int, *, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rand = random.Random(seed)
    syll = "ba ko ri tem nu sal por gen vi da le mon tra cul fe sto".split()
    vocab = sorted({"".join(rand.choices(syll, k=rand.randint(2, 4))) for _ in range(30000)})
    p = 1 / np.arange(1, len(vocab) + 1)
    p /= p.sum()
    first = ["".join(rand.choices(syll, k=2)).capitalize() for _ in range(300)]
    last = ["".join(rand.choices(syll, k=3)).capitalize() for _ in range(300)]
    rows = []
    for a in range(n):
        people = [(rand.choice(first), rand.choice(last)) for _ in range(3)]
        for s in range(20):
            w = list(rng.choice(vocab, size=14, p=p))
            f, l = people[s % 3]
            if s < 3:
                w.insert(3, f"{f} {l}")
            elif s % 4 == 1:
                w.insert(5, l)
            w[0] = w[0].capitalize()
            rows.append((f"a{a}", f"Outlet {a % 50}", " ".join(w) + "."))
        if a % 100 == 1:
            rows.extend((f"c{a}", "Copy", t) for _, _, t in rows[-20:-2])
    return pd.DataFrame(rows, columns=["article_id", "outlet", "text"])


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    s = invented_corpus(n)
    print(f"{s['article_id'].nunique()} articles, {len(s)} sentences")
    for f in (discover_actors, discover_aspects, find_near_duplicates):
        t = time.perf_counter()
        out = f(s)
        print(f"{f.__name__}: {time.perf_counter() - t:.1f} s, {len(out)} rows, {out.iloc[:, 0].nunique() if len(out) else 0} distinct")
