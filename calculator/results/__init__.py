"""What a calculated scenario gives: the flows, their totals (one module), the summary and the sources."""
