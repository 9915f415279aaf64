"""The DSL solver: a cost-ordered search over compositions of numba-compiled grid primitives."""
