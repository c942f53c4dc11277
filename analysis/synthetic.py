"""A seeded synthetic corpus of English news-like articles, for benchmarks and scale tests.

The text is generated from a small grammar whose vocabulary touches the lexicons
(technology, policing, privacy, civil rights, regulation, companies, officials), with
bylines, headlines, quotations and reporting verbs, so that every stage of the
pipeline has real work to do. Sentences are combinations of many slots, so almost
none repeats: a cache keyed on sentence text would not make the benchmark faster.

    python -m analysis.synthetic --articles 10000 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

OUTLET_WORDS = ["Daily", "Metro", "Coastal", "Northern", "Valley", "Capital", "Civic", "Harbor", "Summit", "Prairie"]
OUTLET_KINDS = ["Ledger", "Tribune", "Courier", "Gazette", "Observer", "Herald", "Review", "Dispatch", "Post", "Sentinel"]
FIRST = ["Maria", "James", "Aisha", "Wei", "Carlos", "Fatima", "John", "Priya", "Olga", "Kwame", "Elena", "Samuel",
         "Hannah", "Diego", "Yuki", "Grace", "Omar", "Lena", "Tariq", "Rosa"]
LAST = ["Garcia", "Smith", "Okafor", "Chen", "Novak", "Haddad", "Johnson", "Patel", "Ivanova", "Mensah", "Rossi",
        "Kim", "Nguyen", "Schmidt", "Lopez", "Brown", "Tanaka", "Dubois", "Khan", "Walker"]
ORGS = ["IBM", "Amazon", "Microsoft", "Google", "Clearview AI", "the city council", "the police department",
        "the American Civil Liberties Union", "Congress", "the European Commission", "the Justice Department",
        "a coalition of civil rights groups", "the state legislature", "a university research lab"]
ROLES = ["a spokesperson for", "the chief executive of", "a senior analyst at", "a lawyer with", "a researcher at",
         "the director of", "a council member who chairs", "an organizer with"]
TECH = ["facial recognition software", "surveillance cameras", "predictive policing tools", "biometric databases",
        "automated license plate readers", "artificial intelligence systems", "body cameras", "cloud computing contracts",
        "smart doorbells", "data brokers' records"]
ADJ = ["controversial", "expanding", "untested", "widely used", "costly", "new", "secretive", "federal", "local",
       "proposed", "long-awaited", "sweeping", "voluntary", "temporary"]
ACTION = ["announced a moratorium on", "called for strict limits on", "defended the use of", "questioned the accuracy of",
          "raised concerns about", "agreed to review", "signed new contracts for", "paused sales of",
          "published an audit of", "urged lawmakers to regulate", "criticized the rapid spread of", "promised to test"]
CONCERN = ["racial profiling", "mass surveillance", "privacy violations", "bias against people of color",
           "wrongful arrests", "a lack of oversight", "the chilling of free speech", "misuse by law enforcement",
           "data breaches", "discrimination in hiring", "the erosion of civil liberties", "unchecked police power"]
PLACE = ["in Chicago", "in Detroit", "across Europe", "in several states", "in New York", "nationwide",
         "in San Francisco", "in Boston", "in the United Kingdom", "in Portland"]
TIME = ["on Monday", "on Tuesday", "last week", "this year", "in June", "earlier this month", "on Friday",
        "after weeks of protests", "in a letter to lawmakers", "during a hearing"]
VERB = ["said", "told reporters", "wrote", "argued", "added", "noted", "warned", "explained"]
QUOTE_OPEN = ["We believe", "It is clear that", "Nobody should accept that", "The evidence shows that",
              "Communities have told us that", "We are committed to ensuring that", "It would be a mistake if",
              "History suggests that"]
QUOTE_BODY = ["this technology is not ready", "the public deserves a say", "oversight has to come first",
              "the risks fall hardest on Black and brown communities", "companies cannot police themselves",
              "the rules are long overdue", "innovation and safety can go together", "police need clear limits",
              "transparency builds trust", "the data must be independently audited"]
NUMBER = ["two", "three", "dozens of", "more than 30", "about 1,200", "nearly half of all", "at least 12", "hundreds of"]
TAIL = ["according to records obtained by reporters.", "the report found.", "officials confirmed.",
        "though critics remain unconvinced.", "a move welcomed by advocates.", "which drew sharp criticism.",
        "as the debate intensified.", "amid growing public pressure."]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _sentence(r: random.Random) -> str:
    kind = r.random()
    if kind < 0.35:
        return (f"{_cap(r.choice(ORGS))} {r.choice(ACTION)} {r.choice(ADJ)} {r.choice(TECH)} "
                f"{r.choice(PLACE)} {r.choice(TIME)}, citing {r.choice(CONCERN)}.")
    if kind < 0.6:
        return (f"\u201c{r.choice(QUOTE_OPEN)} {r.choice(QUOTE_BODY)},\u201d {r.choice(VERB)} {_name(r)}, "
                f"{r.choice(ROLES)} {r.choice(ORGS)}.")
    if kind < 0.8:
        return (f"{_cap(r.choice(NUMBER))} agencies {r.choice(PLACE)} rely on {r.choice(TECH)}, "
                f"{r.choice(TAIL)}")
    return (f"Critics say {r.choice(ADJ)} {r.choice(TECH)} could lead to {r.choice(CONCERN)}, "
            f"while supporters point to {r.choice(['public safety', 'faster investigations', 'lower costs', 'missing children found'])} "
            f"{r.choice(PLACE)}.")


def make_article(r: random.Random) -> dict:
    """One synthetic article: headline, byline, 8 to 14 paragraphs of 2 to 4 sentences."""
    title = f"{_cap(r.choice(ORGS))} {r.choice(ACTION)} {r.choice(TECH)}"
    day = r.randint(1, 28)
    month = r.choice(["Jun", "Jul", "Aug"])
    paragraphs = [" ".join(_sentence(r) for _ in range(r.randint(2, 4))) for _ in range(r.randint(8, 14))]
    byline = f"By {_name(r)} {month} {day:02d}, 2020"
    return {"title": title, "byline": byline, "published": f"2020-{['Jun', 'Jul', 'Aug'].index(month) + 6:02d}-{day:02d}",
            "paragraphs": paragraphs}


def outlets(n: int) -> list[str]:
    names = [f"The {w} {k}" for k in OUTLET_KINDS for w in OUTLET_WORDS]
    return names[:n]


def write_corpus(path: Path | str, *, n_articles: int = 10_000, n_outlets: int = 20, seed: int = 2020) -> dict:
    """Write a JSON-lines table (``text, outlet, title, published``); return its size."""
    r = random.Random(seed)
    names = outlets(n_outlets)
    path = Path(path)
    n_chars = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n_articles):
            a = make_article(r)
            text = a["byline"] + "\n\n" + "\n\n".join(a["paragraphs"]) + "\n"
            n_chars += len(text)
            row = {"article_id": f"synthetic-{i:05d}", "outlet": names[i % len(names)], "title": a["title"],
                   "published": a["published"], "text": text}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"path": str(path), "articles": n_articles, "outlets": n_outlets, "chars": n_chars,
            "bytes": path.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    info = write_corpus(args.out, n_articles=args.articles, n_outlets=args.outlets, seed=args.seed)
    print(f"wrote {info['articles']} articles from {info['outlets']} outlets, "
          f"{info['chars'] / 1e6:.1f} M characters ({info['bytes'] / 2**20:.1f} MiB) to {info['path']}")


if __name__ == "__main__":
    main()
