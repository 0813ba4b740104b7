"""Survey tools' export layouts: one module per tool, listed in ``registry``."""
