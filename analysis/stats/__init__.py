"""Uncertainty: the resampling unit, bootstrap intervals, permutation tests and Holm's correction."""

from analysis.stats.bootstrap import (
    bootstrap_group_totals,
    bootstrap_means,
    bootstrap_ratios,
    bootstrap_unit_totals,
    percentile_interval,
)
from analysis.stats.permutation import cluster_permutation_p_values, default_permutations, holm, permutation_p_values
from analysis.stats.settings import LEVEL, N_BOOT, SEED
from analysis.stats.units import (
    MIN_ARTICLES,
    article_counts,
    describe_unit,
    expected_by_chance,
    require_article_ids,
    require_articles,
    resampling_unit,
)

__all__ = ["LEVEL", "MIN_ARTICLES", "N_BOOT", "SEED", "article_counts", "bootstrap_group_totals", "bootstrap_means",
           "bootstrap_ratios", "bootstrap_unit_totals", "cluster_permutation_p_values", "default_permutations",
           "describe_unit", "expected_by_chance", "holm", "percentile_interval", "permutation_p_values",
           "require_article_ids", "require_articles", "resampling_unit"]
