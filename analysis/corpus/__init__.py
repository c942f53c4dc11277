"""From raw files to checked corpus tables: readers, line roles, normalisation, near-duplicates."""

from analysis.corpus.load import (
    MANIFEST_COLUMNS,
    ROLES,
    Corpus,
    CorpusError,
    CorpusWarning,
    classify_lines,
    find_duplicates,
    load_corpus,
    load_processed,
    parse_byline,
    read_corrections,
    read_manifest,
    read_text,
)

__all__ = ["MANIFEST_COLUMNS", "ROLES", "Corpus", "CorpusError", "CorpusWarning", "classify_lines", "find_duplicates",
           "load_corpus", "load_processed", "parse_byline", "read_corrections", "read_manifest", "read_text"]
