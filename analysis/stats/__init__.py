"""Uncertainty: the resampling unit, bootstrap intervals, permutation tests and Holm's correction."""

from analysis.stats.bootstrap import bootstrap_means, bootstrap_ratios, percentile_interval
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

__all__ = ["LEVEL", "MIN_ARTICLES", "N_BOOT", "SEED", "article_counts", "bootstrap_means", "bootstrap_ratios",
           "cluster_permutation_p_values", "default_permutations", "describe_unit", "expected_by_chance", "holm",
           "percentile_interval", "permutation_p_values", "require_article_ids", "require_articles", "resampling_unit"]
