"""Limits that keep a hostile or broken story file from exhausting memory or time, and
the bounded readers of story files (UTF-8 text, JSON, TOML) that enforce them.

A file that breaks a limit gives a problem naming the file, never an exception.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from dashboard.core.model import Problem

# Bounds that keep a hostile or broken file from exhausting memory or time.
MAX_FILE_BYTES = 8 * 1024 * 1024
# tomllib needs far more memory and time per byte than json (hundreds of bytes of objects
# per byte of headers or dotted keys), so story.toml, a few kB of metadata, gets less room.
MAX_TOML_BYTES = 256 * 1024
# Each key of more dotted parts costs tomllib time and memory growing with the square of
# its parts; a story needs two or three.
MAX_KEY_PARTS = 8
MAX_FEATURES = 5_000
MAX_VERTICES = 200_000
MAX_TEXT_CHARS = 5_000


def read_text(path: Path, problems: list[Problem], limit: int = MAX_FILE_BYTES) -> str | None:
    name = str(path)
    if not path.is_file():
        problems.append(Problem(name, "file", None, "file not found"))
        return None
    size = path.stat().st_size
    if size > limit:
        problems.append(Problem(name, "file", None, f"file is {size:,} bytes, more than {limit:,}"))
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(name, f"byte {error.start}", None, "file is not UTF-8 text"))
        return None


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in JSON")


def read_json(path: Path, problems: list[Problem]) -> Any:
    content = read_text(path, problems)
    if content is None:
        return None
    try:
        return json.loads(content, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                str(path),
                f"line {error.lineno}, column {error.colno}",
                None,
                f"JSON syntax error: {error.msg}",
            )
        )
    except ValueError as error:
        problems.append(Problem(str(path), "file", None, f"JSON error: {error}"))
    except RecursionError:
        problems.append(Problem(str(path), "file", None, "JSON is nested too deeply"))
    return None


# A key with more than MAX_KEY_PARTS parts (each bare, "basic" or 'literal'), where keys
# begin: at the start of a line or table header, or in an inline table. Looked for in the
# text, as tomllib would spend too long on it.
_KEY_PART = r"""(?:[\w-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DEEP_KEY = re.compile(
    rf"(?:^[ \t]*\[*|[{{,])[ \t]*(?:{_KEY_PART}[ \t]*\.[ \t]*){{{MAX_KEY_PARTS}}}",
    re.MULTILINE | re.ASCII,
)


def read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    content = read_text(path, problems, MAX_TOML_BYTES)
    if content is None:
        return None
    deep = _DEEP_KEY.search(content)
    if deep:
        line = content.count("\n", 0, deep.start()) + 1
        message = f"key of more than {MAX_KEY_PARTS} dotted parts: TOML is nested too deeply"
        problems.append(Problem(str(path), f"line {line}", None, message))
        return None
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = re.search(r"line (\d+)", message)
        where = f"line {line.group(1)}" if line else "file"
        problems.append(Problem(str(path), where, None, f"TOML syntax error: {message}"))
    except ValueError as error:  # an integer of more than 4,300 digits
        problems.append(Problem(str(path), "file", None, f"TOML error: {error}"))
    except RecursionError:
        problems.append(Problem(str(path), "file", None, "TOML is nested too deeply"))
    return None
