"""Dataclasses ⇄ JSON-ready dicts, driven by the type hints of the model.

Dates are ISO strings, enums their values. Decoding is strict about types (a
damaged record raises :class:`CodecError` with where it is) and lenient about
shape: unknown keys are ignored and missing ones take their defaults, so older
and newer records of the same schema version both load.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


class CodecError(ValueError):
    """A stored record does not fit the model."""


def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date, time)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any, where: str = "") -> T:
    return typing.cast(T, _decode(cls, data, where or cls.__name__))


def _decode(tp: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], data, where)
    if origin is list:
        _expect(data, list, where)
        (item,) = typing.get_args(tp)
        return [_decode(item, v, f"{where}[{i}]") for i, v in enumerate(data)]
    if origin is tuple:
        _expect(data, list, where)
        item = typing.get_args(tp)[0]
        return tuple(_decode(item, v, f"{where}[{i}]") for i, v in enumerate(data))
    if origin is dict:
        _expect(data, dict, where)
        _, value = typing.get_args(tp)
        return {str(k): _decode(value, v, f"{where}.{k}") for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        _expect(data, dict, where)
        hints = _hints(tp)
        kwargs = {
            f.name: _decode(hints[f.name], data[f.name], f"{where}.{f.name}")
            for f in dataclasses.fields(tp)
            if f.name in data and f.init
        }
        try:
            return tp(**kwargs)
        except TypeError as exc:
            raise CodecError(f"{where}: thiếu trường bắt buộc ({exc})") from exc
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError as exc:
            raise CodecError(f"{where}: giá trị không hợp lệ “{data}”") from exc
    if tp is datetime or tp is date or tp is time:
        _expect(data, str, where)
        try:
            return tp.fromisoformat(data)
        except ValueError as exc:
            raise CodecError(f"{where}: ngày giờ không hợp lệ “{data}”") from exc
    if tp is bool:
        _expect(data, bool, where)
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise CodecError(f"{where}: cần số nguyên, gặp {type(data).__name__}")
        return data
    if tp is str:
        _expect(data, str, where)
        return data
    if tp is Any:
        return data
    raise CodecError(f"{where}: kiểu không hỗ trợ {tp!r}")


def _expect(data: Any, kind: type, where: str) -> None:
    if not isinstance(data, kind):
        raise CodecError(f"{where}: cần {kind.__name__}, gặp {type(data).__name__}")
