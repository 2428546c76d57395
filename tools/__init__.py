"""Developer tools: the local static server and the benchmarks."""
