"""The table as a whole: big enough, names unique, and no row whose kernel has no test case."""

import importlib

from solvers.dsl.table import FAMILIES, build_table


def cases_by_module() -> dict[str, set[str]]:
    """{kernel module: {kernel names with at least one case}}, from every family's test module."""
    out: dict[str, set[str]] = {}
    for family in FAMILIES:
        tests = importlib.import_module(f"tests.dsl.test_prims_{family}")
        out[f"solvers.dsl.prims_{family}"] = {case[0] for case in tests.CASES}
    return out


def test_every_row_has_a_tested_kernel():
    covered = cases_by_module()
    missing = sorted({f"{p.kernel.py_func.__module__}.{p.kernel.py_func.__name__}" for p in build_table()
                      if p.kernel.py_func.__name__ not in covered.get(p.kernel.py_func.__module__, set())})
    assert not missing, f"table entries whose kernel has no case in tests/dsl/test_prims_<family>.py: {missing}"


def test_names_unique_costs_positive_and_cheapest_first():
    table = build_table()
    assert len({p.name for p in table}) == len(table)
    assert all(p.cost >= 1 for p in table)
    assert [p.cost for p in table] == sorted(p.cost for p in table)
