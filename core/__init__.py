"""The ground floor: settings, typed errors and process locks that every room may import, and nothing else."""
