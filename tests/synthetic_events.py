"""Events made up for tests and benchmarks of scale: reproducible, never part of a story
(the benchmarks import them from here)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd


def synthetic_events(
    count: int,
    seed: int = 7,
    start: dt.date = dt.date(2014, 1, 1),
    end: dt.date = dt.date(2017, 12, 31),
) -> pd.DataFrame:
    """A reproducible synthetic event set: clustered around a few towns, dated over years.

    For benchmarks and tests of scale; never mixed into a real story.
    """
    rng = np.random.default_rng(seed)
    hubs = np.array(
        [
            [43.12, 36.34],
            [39.01, 35.95],
            [36.7, 36.2],
            [40.14, 35.33],
            [38.0, 36.5],
            [42.45, 35.47],
            [41.0, 34.4],
            [44.4, 33.3],
        ]
    )
    hub = rng.integers(0, len(hubs), count)
    spread = rng.exponential(0.25, count)
    angle = rng.uniform(0, 2 * math.pi, count)
    lon = hubs[hub, 0] + spread * np.cos(angle)
    lat = hubs[hub, 1] + spread * np.sin(angle) * 0.8
    days = (end - start).days
    dates = pd.Timestamp(start) + pd.to_timedelta(rng.integers(0, days + 1, count), unit="D")
    types = np.array(["airstrike", "shelling", "clash", "explosion"])[rng.integers(0, 4, count)]
    return pd.DataFrame(
        {
            "date": dates.strftime("%Y-%m-%d"),
            "type": types,
            "count": rng.integers(1, 20, count),
            "lon": np.round(lon, 5),
            "lat": np.round(lat, 5),
            "source": "synthetic test data",
        }
    )
