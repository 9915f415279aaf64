"""The main search's second pass, which also tries the learned last steps after depth-2 states."""

import numpy as np
import pytest

import solvers.dsl.solver as dsl_solver
from solvers.deadline import Deadline
from solvers.dsl.solver import DslSolver
from solvers.grid import Grid
from solvers.task import Example, Task


def flip_task(fits: bool = True) -> Task:
    """Three pairs whose outputs are their inputs flipped left to right; with fits False, the last
    output is all ones, so no program fits every pair and flip_lr fits two of three."""
    rng = np.random.default_rng(3)
    ins = [rng.integers(0, 3, (4, 5)).astype(np.uint8) for _ in range(4)]
    outs = [a[:, ::-1].copy() for a in ins[:3]]
    if not fits:
        outs[2] = np.ones((4, 5), dtype=np.uint8)
    return Task("flip", tuple(Example(Grid(a), Grid(b)) for a, b in zip(ins, outs)), (Grid(ins[3]),))


@pytest.fixture
def main_search_only(monkeypatch):
    """No per-grid search (flip_task's grids share one palette anyway, but a task that did not would
    give it a third of the time)."""
    monkeypatch.setattr(dsl_solver, "per_grid_maps", lambda *grids: None)


def searches_built(monkeypatch, seconds: float, fits: bool = True) -> list[tuple[int, float]]:
    """(learn_depth, seconds it was given) of each search the solver builds for flip_task(fits)."""
    built = []

    class Spy(dsl_solver.Search):
        def run(self, deadline):
            built.append((self.config.learn_depth, deadline.remaining()))
            return super().run(deadline)

    monkeypatch.setattr(dsl_solver, "Search", Spy)
    list(DslSolver().solve(flip_task(fits), Deadline.after(seconds)))
    return built


def flip_costs(seconds: float, fits: bool = True) -> list[int]:
    """The cost of each flip_lr candidate that the solver yields for flip_task(fits)."""
    found = list(DslSolver().solve(flip_task(fits), Deadline.after(seconds)))
    heads = [c.provenance.partition("\n")[0] for c in found if c.provenance.endswith("\nflip_lr")]
    return [int(h.split()[2].rstrip(",")) for h in heads]  # "program cost 3, 3/3 train pairs"


@pytest.mark.usefixtures("warm_dsl", "main_search_only")
def test_a_main_search_shorter_than_the_minimum_learns_after_depth_one_only(monkeypatch):
    monkeypatch.setattr(dsl_solver, "DEEP_LEARN_MIN_SECONDS", 5.0)
    built = searches_built(monkeypatch, 1.0)
    assert [d for d, _ in built] == [1]
    assert built[0][1] == pytest.approx(1.0, abs=0.1)  # all of the time, not the first pass's cap


@pytest.mark.usefixtures("warm_dsl", "main_search_only")
@pytest.mark.parametrize("fits", [True, False])
def test_a_long_main_search_runs_plainly_then_again_learning_deeper_only_without_a_full_fit(monkeypatch, fits):
    monkeypatch.setattr(dsl_solver, "DEEP_LEARN_MIN_SECONDS", 0.5)
    monkeypatch.setattr(dsl_solver, "DEEP_LEARN_AFTER_SECONDS", 0.4)
    built = searches_built(monkeypatch, 1.2, fits)
    # flip_lr fits every pair: the second search is the plain one again, with the whole time
    assert [d for d, _ in built] == ([1, 1] if fits else [1, 2])
    first, second = built[0][1], built[1][1]
    assert first == pytest.approx(0.4, abs=0.1)
    assert second == pytest.approx(1.2 - first, abs=0.1)  # the rest, up to the same deadline


@pytest.mark.usefixtures("warm_dsl", "main_search_only")
@pytest.mark.parametrize("fits", [True, False])
def test_the_second_pass_does_not_yield_the_first_ones_programs_again(monkeypatch, fits):
    """A program both passes find is one candidate at the first pass's cost, not two: a repeat
    would count as a second vote."""
    plain = flip_costs(1.0, fits)
    monkeypatch.setattr(dsl_solver, "DEEP_LEARN_MIN_SECONDS", 0.0)
    monkeypatch.setattr(dsl_solver, "DEEP_LEARN_AFTER_SECONDS", 0.5)
    assert flip_costs(1.5, fits) == plain and len(plain) == 1
    found = list(DslSolver().solve(flip_task(fits), Deadline.after(1.5)))
    keys = [(c.test_index, c.provenance.partition("\n")[2]) for c in found]
    assert len(keys) == len(set(keys))


@pytest.mark.usefixtures("warm_dsl", "main_search_only")
def test_a_program_only_the_second_pass_yields_costs_one_unit_more(monkeypatch):
    """With a first pass that finds nothing (so no full fit), flip_lr comes from the deeper second,
    one unit dearer."""
    plain = flip_costs(1.0)
    runs = []

    class BlindFirst(dsl_solver.Search):
        def run(self, deadline):
            runs.append(self.config.learn_depth)
            return iter(()) if len(runs) == 1 else super().run(deadline)

    monkeypatch.setattr(dsl_solver, "Search", BlindFirst)
    monkeypatch.setattr(dsl_solver, "DEEP_LEARN_MIN_SECONDS", 0.5)
    monkeypatch.setattr(dsl_solver, "DEEP_LEARN_AFTER_SECONDS", 0.3)
    assert flip_costs(1.0) == [plain[0] + dsl_solver.DEEP_LEARN_EXTRA_COST]
    assert runs == [1, 2]
