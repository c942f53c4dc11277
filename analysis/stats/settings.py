"""The settings every interval and test shares, under one name each.

Notebooks print these before their prose cites them; functions take them as
keyword defaults (``level=LEVEL, n_boot=N_BOOT, seed=SEED``).
"""

#: The confidence level of every interval (percentile bootstrap).
LEVEL = 0.95
#: Bootstrap resamples behind every interval.
N_BOOT = 2000
#: The fixed seed for every bootstrap and permutation (the date of IBM's letter).
SEED = 20200608
