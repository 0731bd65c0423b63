"""Story text in a <script> block or in HTML stays data."""

from __future__ import annotations

import json

from jinja2.utils import htmlsafe_json_dumps

from dashboard.core.escape import markdown_text, script_json
from tests.conftest import HOSTILE


def test_script_json_cannot_end_the_script_block() -> None:
    encoded = script_json({"name": HOSTILE})
    assert "</script" not in encoded.lower()
    assert "<" not in encoded and ">" not in encoded
    assert "\u2028" not in encoded
    # still the same data once parsed
    assert json.loads(encoded) == {"name": HOSTILE}


def test_script_json_keeps_backticks_and_dollar_braces_inside_a_json_string() -> None:
    encoded = script_json("`${x}`")
    assert encoded.startswith('"`$') and encoded.endswith('`"')
    assert json.loads(encoded) == "`${x}`"


def test_script_json_writes_no_jinja_tag_and_no_folium_name() -> None:
    """branca renders a map's script as a template, and streamlit-folium renames `_id`
    parts in it: neither may see story text."""
    value = {"a": "{{ 7*7 }} {% if 1 %}{# c #}map_div _0", "b": {"c": ["{}", "x_y"]}}
    encoded = script_json(value)
    assert not any(tag in encoded for tag in ("{{", "{%", "{#", "_"))
    assert json.loads(encoded) == value


def test_text_survives_streamlit_folium_rewriting(story) -> None:
    """streamlit-folium rewrites `{{'name'}}` in the map's script to `name`; story text
    containing it must reach the page unchanged."""
    from streamlit_folium import _resolve_element_refs

    encoded = script_json("Zitat {{'x'}}")
    assert _resolve_element_refs(encoded) == encoded
    assert json.loads(encoded) == "Zitat {{'x'}}"


def test_markdown_text_shows_as_written() -> None:
    assert markdown_text("$x$ `b` *c* [l](u)") == r"\$x\$ \`b\` \*c\* \[l\]\(u\)"


def test_script_json_is_jinjas_html_safe_json_plus_the_template_characters() -> None:
    value = {"name": "</script> & 'Bahía' {{ x }} {% y %} _div", "n": [1, 2.5, None]}
    ours = script_json(value)
    theirs = str(htmlsafe_json_dumps(value, ensure_ascii=False, separators=(",", ":")))
    assert ours != theirs
    undone = ours.replace("\\u007b", "{").replace("\\u007d", "}").replace("\\u005f", "_")
    assert undone == theirs
