"""Lagekarte: turns a news article into offline, annotated, bilingual maps."""
