"""Same input, same output: `python -m dashboard draft` writes byte-identical files
whatever the interpreter's hash seed (no order taken from a set). The article names more
towns than get a label, so a cut taken from a set's order would show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLE = """Überschwemmungen in Westafrika: Hunderttausende auf der Flucht

Niamey (dpa) - Nach wochenlangem Starkregen sind in Niger, Mali und Nigeria mindestens
320 Menschen ums Leben gekommen. In Niamey, Maiduguri und Mopti stehen ganze Viertel
unter Wasser, wie die Behörden am Dienstag mitteilten.

Allein in Maiduguri wurden rund 400.000 Menschen vertrieben. Der Alau-Staudamm war am
10. September 2024 gebrochen.

In Mali stieg der Niger bei Bamako auf den höchsten Stand seit 1967. In Timbuktu und Gao
wurden 47 Schulen geschlossen.

Seit Juni 2024 sind in der Region nach UN-Angaben mehr als 1,5 Millionen Menschen betroffen.
Auch Zinder, Agadez, Kano, Ségou und Kayes meldeten Schäden; in Kano stürzten 30 Häuser ein.
"""


def _draft(tmp_path: Path, seed: int) -> dict[str, bytes]:
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, "utf-8")
    out = tmp_path / f"seed-{seed}"
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "draft", str(source), "--out", str(out)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    files["(printed)"] = done.stdout.replace(str(out).encode(), b"OUT")
    return files


def test_same_article_same_files_under_any_hash_seed(tmp_path: Path) -> None:
    first, second, third = (_draft(tmp_path, seed) for seed in (1, 2, 3))
    assert {"story.toml", "features.geojson", "draft.json"} <= set(first)
    assert first == second == third
