"""Stage 5, output: the build into the output folder (lock, staging, ownership of files,
manifest), PDF/A with its checks, signatures, and the archive metadata."""
