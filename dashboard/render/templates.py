"""The HTML templates (package data in `dashboard/templates/`), all from one Jinja2
environment that autoescapes: story text put into them is always shown as text.

Templates are files the package carries, never text from a story: a story's title is a
value rendered into a template, not template source (see tests/test_text_is_data.py).
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, Template

from dashboard.core.i18n import text
from dashboard.core.resources import TEMPLATE_DIR

_ENVIRONMENT = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENVIRONMENT.globals["t"] = text


@cache
def template(name: str) -> Template:
    """The template `name` of dashboard/templates/, read once per process."""
    return _ENVIRONMENT.get_template(name)
