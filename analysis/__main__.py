"""``python -m analysis compare INPUT --out DIR``: see :mod:`analysis.cli`."""

import sys

from analysis.cli import main

sys.exit(main())
