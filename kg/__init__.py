"""kg: build knowledge graphs of models, datasets, methods and benchmarks from ML abstracts."""

__version__ = "0.1.0"
