"""Simplifying for drawing: within the tolerance, linear work, no deep recursion."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from dashboard.core.line_simplify import PIECE_VERTICES, simplify_for_drawing


def wandering(count: int, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    heading = np.cumsum(rng.normal(0, 0.6, count))
    return np.cumsum(np.c_[np.cos(heading), np.sin(heading)], axis=0)


def test_long_lines_stay_within_the_tolerance_and_lose_most_vertices() -> None:
    line = LineString(wandering(20_000))
    ring = Polygon(np.r_[wandering(5_000, 6) * 0.01 + [1000, 0]])
    drawn_line, drawn_ring, point = simplify_for_drawing(
        np.array([line, ring, Point(3, 4)], dtype=object), 2.0
    )
    assert shapely.hausdorff_distance(drawn_line, line) <= 2.0 + 1e-9
    assert drawn_line.coords[0] == line.coords[0] and drawn_line.coords[-1] == line.coords[-1]
    assert len(drawn_line.coords) < len(line.coords) / 4
    assert isinstance(drawn_ring, Polygon) and len(drawn_ring.exterior.coords) >= 4
    assert point == Point(3, 4)


def test_short_geometries_are_simplified_as_before() -> None:
    line = LineString(wandering(PIECE_VERTICES // 2))
    ours = simplify_for_drawing(np.array([line], dtype=object), 1.5)[0]
    assert ours.equals(shapely.simplify(line, 1.5, preserve_topology=False))


def test_multipart_geometries_keep_their_type() -> None:
    square = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])
    blob = Polygon(wandering(3_000, 7) * 0.001 + [5, 5])
    squares = MultiPolygon([square, blob])
    drawn = simplify_for_drawing(np.array([squares], dtype=object), 0.01)[0]
    assert drawn.geom_type == "MultiPolygon"


def test_a_zigzag_of_200000_vertices_is_simplified_in_bounded_time() -> None:
    """Every vertex of a zigzag stands out equally: GEOS's recursion peels one vertex per
    level (quadratic time, and the C stack can overflow). Run apart, so a crash or a hang
    fails this test instead of ending the test run."""
    script = textwrap.dedent("""
        import time, numpy as np, shapely
        from dashboard.core.line_simplify import simplify_for_drawing
        count = 200_000
        zigzag = shapely.LineString(np.c_[np.arange(count) * 0.01, (np.arange(count) % 2) * 5.0])
        started = time.perf_counter()
        drawn = simplify_for_drawing(np.array([zigzag], dtype=object), 1.0)[0]
        assert drawn.coords[0] == zigzag.coords[0] and drawn.coords[-1] == zigzag.coords[-1]
        print(time.perf_counter() - started)
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert float(done.stdout) < 30, done.stdout
