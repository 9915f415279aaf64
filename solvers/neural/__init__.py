"""A small convolutional solver trained on each task at test time (see model.py, ttt.py, solver.py)."""
