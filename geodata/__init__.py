"""Lagekarte's data, installed as the package `dashboard.geodata` (see pyproject.toml):
base map, named ground and bundled stories. Read through `dashboard.core.resources`."""
