"""Data frames from the engine's tables, built a whole column at a time.

The native module hands over each column as ``(kind, data, extra, doc)``: numbers as
little-endian bytes (read by numpy without a per-value step), labels as category codes
plus their categories, text as a list of str. This module only turns those into pandas
or polars columns; the numbers themselves come from okr-core.

Types: ``category`` columns become pandas ``category`` (polars ``Categorical`` /
``Enum``), ``timestamp_ms`` columns ``datetime64[ms, UTC]``, ``optional_int`` columns
the nullable ``Int64``, ``float`` columns ``float64`` with NaN for missing.
"""

from __future__ import annotations

from typing import Any

ColumnSpec = tuple[str, Any, Any, str]


def _numpy() -> Any:
    try:
        import numpy
    except ImportError as e:  # pragma: no cover - numpy comes with pandas and polars
        raise ImportError("data frames need numpy: pip install 'okr[pandas]'") from e
    return numpy


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError("pandas data frames need pandas: pip install 'okr[pandas]'") from e
    return pandas


def _polars() -> Any:
    try:
        import polars
    except ImportError as e:
        raise ImportError("polars data frames need polars: pip install 'okr[polars]'") from e
    return polars


def docs(table: dict[str, ColumnSpec]) -> dict[str, str]:
    """What each column holds."""
    return {name: spec[3] for name, spec in table.items()}


def build(table: dict[str, ColumnSpec], backend: str = "pandas") -> Any:
    """A pandas (``backend="pandas"``) or polars (``"polars"``) DataFrame."""
    if backend == "pandas":
        return to_pandas(table)
    if backend == "polars":
        return to_polars(table)
    raise ValueError(f"unknown backend {backend!r}: use 'pandas' or 'polars'")


def to_pandas(table: dict[str, ColumnSpec]) -> Any:
    np = _numpy()
    pd = _pandas()
    columns: dict[str, Any] = {}
    for name, (kind, data, extra, _doc) in table.items():
        if kind == "float":
            columns[name] = np.frombuffer(data, dtype="<f8")
        elif kind == "int":
            columns[name] = np.frombuffer(data, dtype="<i8")
        elif kind == "optional_int":
            values = np.frombuffer(data, dtype="<i8")
            mask = np.frombuffer(extra, dtype=np.bool_)
            columns[name] = pd.arrays.IntegerArray(values.copy(), mask.copy())
        elif kind == "timestamp_ms":
            stamps = np.frombuffer(data, dtype="<i8").view("datetime64[ms]")
            columns[name] = pd.DatetimeIndex(stamps).tz_localize("UTC")
        elif kind == "category":
            codes = np.frombuffer(data, dtype="<i4")
            columns[name] = pd.Categorical.from_codes(codes, categories=list(extra))
        else:
            columns[name] = data
    frame = pd.DataFrame(columns, copy=False)
    frame.attrs["okr_docs"] = docs(table)
    return frame


def to_polars(table: dict[str, ColumnSpec]) -> Any:
    np = _numpy()
    pl = _polars()
    series = []
    for name, (kind, data, extra, _doc) in table.items():
        if kind == "float":
            values = np.frombuffer(data, dtype="<f8")
            series.append(pl.Series(name, values, dtype=pl.Float64, nan_to_null=True))
        elif kind == "int":
            series.append(pl.Series(name, np.frombuffer(data, dtype="<i8"), dtype=pl.Int64))
        elif kind == "optional_int":
            values = np.frombuffer(data, dtype="<i8")
            mask = np.frombuffer(extra, dtype=np.bool_)
            s = pl.Series(name, values, dtype=pl.Int64)
            series.append(s.set(pl.Series(mask), None))
        elif kind == "timestamp_ms":
            stamps = np.frombuffer(data, dtype="<i8")
            s = pl.Series(name, stamps, dtype=pl.Int64)
            s = s.set(pl.Series(stamps == np.iinfo(np.int64).min), None)
            series.append(s.cast(pl.Datetime("ms", "UTC")))
        elif kind == "category":
            codes = np.frombuffer(data, dtype="<i4")
            categories = list(extra)
            enum = pl.Enum(categories) if categories else pl.Categorical
            if categories:
                labels = pl.Series(name, categories, dtype=pl.String)
                index = pl.Series(codes).cast(pl.Int64)
                picked = labels.gather(index.clip(0)).set(index < 0, None)
            else:
                picked = pl.Series(name, [None] * len(codes), dtype=pl.String)
            series.append(picked.cast(enum).alias(name))
        else:
            series.append(pl.Series(name, data, dtype=pl.String))
    return pl.DataFrame(series)
