"""Third floor: config, Kaggle file I/O, the run loop and the command line for running."""
