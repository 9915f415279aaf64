"""Fixtures shared by the DSL tests."""

import pytest

from solvers.dsl.solver import DslSolver


@pytest.fixture(scope="session")
def warm_dsl() -> None:
    """Every kernel and learned rule compiled (or loaded from numba's cache) once, before a test gives
    a search its deadline: a kernel call cannot be interrupted, and on a cold cache one compile can
    outlast a 5 s deadline (the feature rule's takes about 9 s), as `DslSolver.warm_up` prevents in
    production."""
    DslSolver().warm_up()
