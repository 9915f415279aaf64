"""Ground floor of arcforge: grid and task types, the Solver interface, and the solvers themselves."""
