"""Hypothesis profiles for the property tests.

`dev` (the default) keeps a local run quick; `ci` runs many more examples.
Choose with the HYPOTHESIS_PROFILE environment variable:

    HYPOTHESIS_PROFILE=ci python -m pytest tests/test_properties.py

Importing this module registers the profiles and loads the chosen one.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(
    deadline=None,  # the first example pays for imports and schema building
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    print_blob=True,  # a failure prints the @reproduce_failure blob
)

settings.register_profile("dev", max_examples=40, **_COMMON)
settings.register_profile("ci", max_examples=400, **_COMMON)
settings.register_profile("thorough", max_examples=3000, **_COMMON)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)


def examples(factor: float = 1.0) -> int:
    """`factor` times the loaded profile's max_examples (at least 1)."""
    return max(1, int(settings.get_profile(PROFILE).max_examples * factor))
