"""The table as a whole: big enough, names unique, and no row whose kernel has no test case."""

import importlib

from solvers.dsl.table import FAMILIES, build_table

# Kernels whose parameter is (partly) just a colour: one case per meaning is enough for them.
COLOUR_SWEEPS = {"keep_colour", "replace_colour", "recolour_nonzero", "crop_colour", "fill_enclosed", "outline",
                 "interior", "boolean_halves", "approach"}


def cases_by_module() -> dict[str, set[str]]:
    """{kernel module: {kernel names with at least one case}}, from every family's test module."""
    return {module: {k for k, _ in cases} for module, cases in params_by_module().items()}


def params_by_module() -> dict[str, set[tuple[str, int]]]:
    """{kernel module: {(kernel name, param) with a case}}."""
    out: dict[str, set[tuple[str, int]]] = {}
    for family in FAMILIES:
        tests = importlib.import_module(f"tests.dsl.test_prims_{family}")
        out[f"solvers.dsl.prims_{family}"] = {(case[0], case[1]) for case in tests.CASES}
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


def test_every_parameter_has_a_case_except_colour_sweeps():
    covered = params_by_module()
    missing = [p.name for p in build_table() if p.kernel.py_func.__name__ not in COLOUR_SWEEPS
               and (p.kernel.py_func.__name__, p.param) not in covered[p.kernel.py_func.__module__]]
    assert not missing, f"rows whose parameter value has no case: {missing}"
