"""Delivering a build to people, beyond a folder of files (issue 16)."""
