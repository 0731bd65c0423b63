"""The Associated Press abbreviations of US states ("Miss.", "Calif.", "N.C."), from the
PyPI package `us`: AP copy writes a town with its state so ("Mayfield, Ky.") and in its
datelines ("ROLLING FORK, Miss. (AP)").

state-abbreviations.tsv: abbreviation, the state's name, country. Only abbreviations with
a period: a state AP writes in full ("Texas", "Ohio") needs none.
"""

from __future__ import annotations

from pathlib import Path


def write_state_abbreviations(path: Path) -> None:
    import us

    rows = sorted(
        (state.ap_abbr, state.name)
        for state in us.states.STATES_AND_TERRITORIES
        if state.ap_abbr and "." in state.ap_abbr
    )
    lines = ["# AP abbreviation, state, country (the PyPI package us)"]
    lines += [f"{abbreviation}\t{name}\tUS" for abbreviation, name in rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
