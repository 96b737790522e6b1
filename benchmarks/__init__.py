"""boothapp's benchmark scripts (``bench_*.py``, each runnable alone) and their runner,
``python -m benchmarks``."""
