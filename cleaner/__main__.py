"""`python -m cleaner` is the `cleaner` command."""

from cleaner.cli import app

app(prog_name="cleaner")
