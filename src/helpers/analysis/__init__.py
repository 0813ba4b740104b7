"""Pure rules on the tidy survey and the statistics: indicators, year-on-year comparison,
needs and recommended efforts, education supply, the facts the summary chooses from."""
