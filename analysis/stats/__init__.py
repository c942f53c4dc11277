"""Uncertainty: the resampling unit, bootstrap intervals, permutation tests and Holm's correction."""

from analysis.stats.bootstrap import bootstrap_group_totals, bootstrap_unit_totals
from analysis.stats.units import (
    MIN_ARTICLES,
    article_counts,
    describe_unit,
    expected_by_chance,
    require_article_ids,
    require_articles,
    resampling_unit,
)

__all__ = ["bootstrap_group_totals", "bootstrap_unit_totals", "MIN_ARTICLES", "article_counts", "describe_unit",
           "expected_by_chance", "require_article_ids", "require_articles", "resampling_unit"]
