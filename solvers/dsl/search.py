"""Cost-ordered search over chains of primitives, all train and test inputs run in lockstep.

A state is the tuple of grids obtained by applying one program to every input (train first, then
test), so one application tests a program on every pair at once. Equal states are merged by hash:
the first program to reach a state is the cheapest, and the others are never expanded. Python's
64-bit hash of the state's shapes and bytes stands in for the state: a collision among a few million
states is ~1e-7 likely and would only hide a state, never make a wrong answer (answers are exact).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import operator
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from solvers.deadline import Deadline
from solvers.dsl.learned import learn_all
from solvers.dsl.learned_cells import learn_cells
from solvers.dsl.learned_choice import learn_choice
from solvers.dsl.learned_count import learn_count
from solvers.dsl.learned_crop import learn_crop
from solvers.dsl.learned_features import learn_feature_rule
from solvers.dsl.learned_kron import learn_kron
from solvers.dsl.learned_layout import learn_layout
from solvers.dsl.learned_move import learn_move
from solvers.dsl.learned_parts import learn_parts
from solvers.dsl.learned_source import learn_source
from solvers.dsl.learned_step import Learned
from solvers.dsl.pieces import PiecePool, combinations
from solvers.dsl.primitive import Primitive
from solvers.dsl.recolour import describe_map, learn_map
from solvers.dsl.sizes import predict_sizes

log = logging.getLogger(__name__)

# a learned last step: (grids of a state, train outputs, number of train grids) -> the steps that fit
Learner = Callable[[Sequence[np.ndarray], Sequence[np.ndarray], int], list[Learned]]

# Python overhead of a stored node (the _Node, its bytes and shapes tuple, its heap entry), plus
# this per grid (its shape tuple), added to the grids' bytes when metering.
NODE_OVERHEAD = 230
NODE_GRID_OVERHEAD = 64
KEY_OVERHEAD = 72  # one int in the `seen` set


@dataclass(frozen=True, slots=True)
class SearchConfig:
    max_depth: int = 4  # primitives in a chain
    memory_cap_bytes: int = 2 * 1024**3  # stop storing new states past this (the search keeps going)
    max_answers: int = 8  # distinct full-fit test answers to report before stopping
    chain_share: float = 0.8  # of the time for single chains; the rest combines pieces
    max_pieces: int = 40000  # output-shaped states kept for combining (PiecePool also caps their bytes)
    learn_depth: int = 1  # states up to this depth also try the learned cell and object rules


@dataclass(frozen=True, slots=True)
class Found:
    """A program, how well it reproduced the train pairs, and its answers for the test inputs."""

    program: tuple[str, ...]
    cost: int
    matched: int
    n_train: int
    tests: tuple[np.ndarray, ...]


@dataclass(slots=True)
class Stats:
    states: int = 0  # distinct states created
    applied: int = 0  # primitive applications to a whole state
    idle: int = 0  # applications that left every train grid as it was (dropped)
    expanded: int = 0  # states whose children were generated
    bytes: int = 0  # metered memory of the stored states
    capped: bool = False  # the memory cap was reached
    depth: int = 0  # deepest stored state


@dataclass(slots=True)
class _Node:
    """A state: its grids packed into one bytes object (row-major, one after the other) and their
    shapes ((h0, w0), (h1, w1), ...: the tuples the state's hash key was made of).

    Packed, not as arrays, because a search stores up to a million states and expands a few
    thousand: a state of five arrays is some 17 Python objects (array, numba's memory record and
    buffer, per grid), and freeing a million of them when the deadline comes took over a second
    past it (31d5ba1a at 30 s). Packed, it is 3 plus one shape tuple per grid. A leaf, never
    expanded, keeps no grids at all.
    """

    data: bytes
    shapes: tuple[tuple[int, int], ...]
    cost: int
    depth: int
    parent: _Node | None = None
    prim: Primitive | None = None

    def grids(self) -> tuple[np.ndarray, ...]:
        """The state's grids, rebuilt: writable views of one fresh buffer (numba compiles a second
        specialisation of every kernel for read-only arrays)."""
        flat = np.frombuffer(bytearray(self.data), dtype=np.uint8)
        out = []
        at = 0
        for h, w in self.shapes:
            out.append(flat[at:at + h * w].reshape(h, w))
            at += h * w
        return tuple(out)

    def program(self) -> tuple[str, ...]:
        names = []
        node: _Node | None = self
        while node is not None and node.prim is not None:
            names.append(node.prim.name)
            node = node.parent
        return tuple(reversed(names))


@dataclass
class Search:
    """Search for programs mapping every train input to its output.

    `run` is anytime: it yields each new improving result as soon as it is found, and returns
    within one node expansion of the deadline.
    """

    table: Sequence[Primitive]
    train_inputs: Sequence[np.ndarray]
    train_outputs: Sequence[np.ndarray]
    test_inputs: Sequence[np.ndarray]
    config: SearchConfig = field(default_factory=SearchConfig)
    stats: Stats = field(default_factory=Stats)

    def run(self, deadline: Deadline) -> Iterator[Found]:
        """Single chains; at `chain_share` of the time, overlays of two pieces, then stacks of three or
        four, of what the chains have made so far; then chains again until the deadline.

        Overlays run even when some chain fitted: a chain that fits by coincidence (a learned
        recolouring, say) must not shut out the right answer; ranking by cost sorts them out.
        """
        pool = PiecePool(self.config.max_pieces)
        pause = deadline.share(self.config.chain_share)
        combined = False
        for found in self._chains(deadline, pause, pool):
            if found is None:  # the pause: combine pieces now, then let the chains go on
                yield from self._overlays(pool, deadline)
                combined = True
            else:
                yield found
        if not combined:  # the chains ran out before the pause
            yield from self._overlays(pool, deadline)

    def _overlays(self, pool: PiecePool, deadline: Deadline) -> Iterator[Found]:
        target = np.concatenate([o.ravel() for o in self.train_outputs])
        seen: set[bytes] = set()
        for o in combinations(pool, target, deadline):
            if _is_new(seen, o.tests):
                yield Found(o.program, o.cost, len(self.train_outputs), len(self.train_outputs), o.tests)
                if len(seen) >= self.config.max_answers:
                    return

    def _chains(self, deadline: Deadline, pause: Deadline, pool: PiecePool) -> Iterator[Found | None]:
        """Chains in cost order until `deadline`; yields None once, when `pause` has passed."""
        n_train = len(self.train_inputs)
        paused = False
        target_shapes = tuple(o.shape for o in self.train_outputs)
        target_bytes = [o.tobytes() for o in self.train_outputs]
        # the inner loop runs a few hundred thousand times a second: its clock and names are locals
        end, now = deadline.end, time.monotonic
        test_sizes = predict_sizes(self.train_inputs, self.train_outputs, self.test_inputs)
        root_grids = tuple(np.ascontiguousarray(g) for g in (*self.train_inputs, *self.test_inputs))
        root = _Node(b"".join(g.tobytes() for g in root_grids), tuple(g.shape for g in root_grids), 0, 0)
        seen = {hash((root.shapes, tuple(g.tobytes() for g in root_grids)))}
        answers: set[bytes] = set()
        best_partial = 0
        tie = itertools.count()  # heap tiebreak: first come, first served among equal costs
        heap: list[tuple[int, int, _Node]] = [(0, next(tie), root)]
        # learned answers are kept apart: they must not use up max_answers before the chains get going
        learned: set[bytes] = set()
        if root.shapes[:n_train] == target_shapes:
            # the input itself is a piece: the bottom that an "add" task's top draws over. Chains that
            # give it back are merged into the root, which is never offered otherwise
            pool.offer(0, ("input",), root_grids, n_train)
            yield from self._learned(root, root_grids, learned)
            # a rule over a searched set of cell features: too slow to try on every state, so the
            # root only (most such tasks recolour the input in place)
            yield from self._learned(root, root_grids, learned, learn_feature_rule)
            # every object moved by a learned per-colour move (root only, like the feature rule)
            yield from self._learned(root, root_grids, learned, learn_move)
            # objects recoloured after another object (a marker, a header): root only, like the move
            yield from self._learned(root, root_grids, learned, learn_source)
            # the cells of a grid split by separator lines, each kept, cleared, filled or templated
            yield from self._learned(root, root_grids, learned, learn_cells)
        else:
            yield from self._learned(root, root_grids, learned, learn_reshaped)
            # one object cut out: a search over labellings, features and selectors, too slow to try
            # on every state (noisy grids have hundreds of objects), so the root only
            yield from self._learned(root, root_grids, learned, learn_crop)
        yield from self._learned(root, root_grids, learned, learn_choice)  # a property of the task's own inputs
        # a count of the inputs' objects, drawn in a frame
        yield from self._learned(root, root_grids, learned, learn_count)
        while heap:
            _, _, node = heapq.heappop(heap)
            node_grids = root_grids if node is root else node.grids()
            self.stats.expanded += 1
            leaf_level = node.depth + 1 >= self.config.max_depth
            # a step that leaves every train grid as it was has no evidence for what it does to the
            # test grids (erase_colour(k) of a colour that only a test input holds): its child is
            # dropped, whether it changed the test grids (an unsupported guess that would tie with
            # the right answer) or not (the parent again, which only leaves are not merged with)
            node_train = [g.tobytes() for g in node_grids[:n_train]]
            node_shapes = node.shapes[:n_train]
            # a leaf of another shape than the outputs', too deep for the learned steps, can neither
            # fit nor be finished: it is counted and let go (most leaves, in a task that resizes)
            inert_unshaped = leaf_level and node.depth + 1 > self.config.learn_depth
            if not paused and pause.expired():
                paused = True
                yield None
            for prim in self.table:
                if now() >= end:
                    return
                applied = _apply(prim, node_grids)
                self.stats.applied += 1
                if applied is None:
                    continue
                grids, parts, shapes = applied
                if parts[:n_train] == node_train and shapes[:n_train] == node_shapes:
                    self.stats.idle += 1
                    continue
                if not leaf_level:
                    # leaves are never expanded, so they need no key: that saves the hashing and
                    # most of the memory (leaves are the most numerous states)
                    key = hash((shapes, tuple(parts)))
                    if key in seen:
                        continue
                    if not self.stats.capped:
                        seen.add(key)
                        self.stats.bytes += KEY_OVERHEAD
                self.stats.states += 1
                shaped = shapes[:n_train] == target_shapes
                if not shaped and inert_unshaped:
                    continue
                matched = sum(map(operator.eq, parts[:n_train], target_bytes)) if shaped else 0
                store = not leaf_level and not self.stats.capped
                child = _Node(b"".join(parts) if store else b"", shapes if store else (),
                              node.cost + prim.cost, node.depth + 1, node, prim)
                if shaped and matched < n_train:
                    pool.offer(child.cost, child.program(), grids, n_train)
                    lut = learn_map(grids[:n_train], self.train_outputs)
                    if lut is not None:
                        mapped = tuple(np.ascontiguousarray(lut[g]) for g in grids[n_train:])
                        if _is_new(answers, mapped):
                            # the lookup is a step with a table of its own: it costs 2
                            yield Found((*child.program(), describe_map(lut)), child.cost + 2, n_train, n_train, mapped)
                            if len(answers) >= self.config.max_answers:
                                return
                    if child.depth <= self.config.learn_depth:
                        yield from self._learned(child, grids, learned)
                elif not shaped and child.depth <= self.config.learn_depth:
                    yield from self._learned(child, grids, learned, learn_reshaped)
                if matched == n_train:
                    if _is_new(answers, grids[n_train:]):
                        yield Found(child.program(), child.cost, matched, n_train, grids[n_train:])
                        if len(answers) >= self.config.max_answers:
                            return
                elif matched > best_partial and n_train > 1 and _sizes_ok(grids[n_train:], test_sizes):
                    best_partial = matched
                    yield Found(child.program(), child.cost, matched, n_train, grids[n_train:])
                if store:
                    self._store(child)
                    heapq.heappush(heap, (child.cost, next(tie), child))

    def _learned(self, node: _Node, grids: tuple[np.ndarray, ...], seen: set[bytes], learn: Learner = learn_all
                 ) -> Iterator[Found]:
        """The learned steps that finish this state (its `grids`), up to `max_answers` distinct answers
        in all: by default the cell, object and stamp rules of a state with the output shapes
        (solvers.dsl.learned)."""
        n_train = len(self.train_outputs)
        for step in learn(grids, self.train_outputs, n_train):
            if len(seen) < self.config.max_answers and _is_new(seen, step.tests):
                yield Found((*node.program(), step.name), node.cost + step.cost, n_train, n_train, step.tests)

    def _store(self, node: _Node) -> None:
        self.stats.bytes += NODE_OVERHEAD + len(node.data) + NODE_GRID_OVERHEAD * len(node.shapes)
        self.stats.depth = max(self.stats.depth, node.depth)
        if self.stats.bytes >= self.config.memory_cap_bytes:
            self.stats.capped = True
            log.info("search memory cap reached at %d states; no more states are stored", self.stats.states)


def learn_reshaped(grids: Sequence[np.ndarray], outputs: Sequence[np.ndarray], n_train: int) -> list[Learned]:
    """The learned steps of a state whose shapes are not the outputs': its parts overlaid, its
    symmetries laid out side by side, or its product with itself."""
    return learn_parts(grids, outputs, n_train) + learn_layout(grids, outputs, n_train) + learn_kron(
        grids, outputs, n_train)


def _apply(prim: Primitive, grids: tuple[np.ndarray, ...]
           ) -> tuple[tuple[np.ndarray, ...], list[bytes], tuple[tuple[int, int], ...]] | None:
    """The primitive on every grid of a state, with each result's bytes and shape; None if it does
    not apply to one of them.

    The kernel is called directly, not through Primitive.__call__, and the bytes and shapes are
    taken in the same pass: this is the innermost loop (one pass, not three, is some 5% of a search).
    """
    kernel, param = prim.kernel, prim.param
    out, parts, shapes = [], [], []
    for g in grids:
        r = kernel(g, param)
        shape = r.shape
        if shape[0] == 0 or shape[1] == 0:
            return None
        out.append(r)
        parts.append(r.tobytes())
        shapes.append(shape)
    return tuple(out), parts, tuple(shapes)


def _bytes_of(g: np.ndarray) -> bytes:
    return bytes(g.shape) + g.tobytes()


def _is_new(answers: set[bytes], tests: Sequence[np.ndarray]) -> bool:
    """Record a set of test answers; False if the same answers were already given."""
    key = b"".join(_bytes_of(g) for g in tests)
    if key in answers:
        return False
    answers.add(key)
    return True


def _sizes_ok(tests: Sequence[np.ndarray], sizes: Sequence[tuple[int, int]] | None) -> bool:
    return sizes is None or all(g.shape == s for g, s in zip(tests, sizes))
