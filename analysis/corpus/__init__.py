"""From raw files to checked corpus tables: readers, manifest, line roles, normalisation,
near-duplicates, the Corpus tables."""

from analysis.corpus.duplicates import find_duplicates
from analysis.corpus.lines import ROLES, classify_lines, parse_byline
from analysis.corpus.load import list_articles, load_corpus
from analysis.corpus.manifest import MANIFEST_COLUMNS, read_corrections, read_manifest
from analysis.corpus.problems import CorpusError, CorpusWarning
from analysis.corpus.readers.folder import read_text
from analysis.corpus.tables import Corpus, load_processed

__all__ = ["MANIFEST_COLUMNS", "ROLES", "Corpus", "CorpusError", "CorpusWarning", "classify_lines", "find_duplicates",
           "list_articles", "load_corpus", "load_processed", "parse_byline", "read_corrections", "read_manifest",
           "read_text"]
