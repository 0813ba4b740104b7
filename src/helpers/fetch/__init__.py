"""Live data, only on request (``make fetch``): HTTP, the SCB and Kolada API clients, and the
refresh that writes a new snapshot in the format ``stats`` reads."""
