"""Public statistics from the offline snapshot, as tidy tables: SCB, Kolada, job ads, the
Yrkesbarometer, education supply, SSYK coding; sums and rates for an area and its comparisons."""
