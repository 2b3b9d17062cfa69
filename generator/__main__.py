"""``python -m generator``."""

from .quick import main

main()
