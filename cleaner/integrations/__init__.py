"""Adapters to data-processing frameworks; each imports its framework lazily.

- `cleaner.integrations.ray`: Ray Data (`pip install 'cleaner[ray]'`).
"""
