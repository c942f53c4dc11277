"""Quotations and their speakers: spans, names, attribution, extraction, shares, alignment across outlets."""

from analysis.measures.quotes.alignment import ALIGN_COLUMNS, align_quotes
from analysis.measures.quotes.extraction import QUOTE_COLUMNS, extract_quotes
from analysis.measures.quotes.shares import quote_share, share_of_voice

__all__ = ["ALIGN_COLUMNS", "QUOTE_COLUMNS", "align_quotes", "extract_quotes", "quote_share", "share_of_voice"]
