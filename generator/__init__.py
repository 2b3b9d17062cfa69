"""Kommunens styringsdokumenter fra Excel-arbeidsbøker til Word, PDF/A og arkiv."""

__version__ = "0.1.0"
