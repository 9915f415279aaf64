"""Second floor: pure functions from candidates to two attempts per test input."""
