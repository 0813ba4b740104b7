"""Example survey data: deterministic answers and the exports each tool would write."""
