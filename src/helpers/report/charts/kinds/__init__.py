"""The chart kinds: one module per kind (its figure, chart function and renderer), listed in
``registry``."""
