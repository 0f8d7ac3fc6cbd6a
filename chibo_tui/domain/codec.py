"""Model records (``msgspec.Struct``) ⇄ JSON-ready dicts, driven by the model's type hints.

Dates are ISO strings, enums their values. Decoding is strict about types (a
damaged record raises :class:`CodecError` with where it is) and lenient about
shape: unknown keys are ignored and missing ones take their defaults, so older
and newer records of the same schema version both load.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Hashable
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")


class CodecError(ValueError):
    """A stored record does not fit the model."""


def to_dict(obj: Any) -> Any:
    if isinstance(obj, msgspec.Struct):
        return {name: to_dict(getattr(obj, name)) for name in obj.__struct_fields__}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date, time)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


Where = str | None
"""The place being decoded (``meetings.2026-03.reviews[0].vote``); ``None`` in the
fast first pass, which does not spend time spelling out places that are fine."""

Decoder = Callable[[Any, Where], Any]
"""Turns stored data into a value of one type."""


class _Misfit(Exception):
    """Raised in the fast pass: decode again, naming the place, for the message."""


def from_dict(cls: type[T], data: Any, where: str = "") -> T:
    # msgspec decodes a good record several times faster than the pass below (120
    # meetings: 22 against 101 ms), and is as strict about every type the model
    # uses (no bool for int, no int for bool, no coercion); tests hold the two
    # equal. What it refuses goes to the pass below, which has the last word (it
    # also takes what msgspec is stricter about, a date like "20261127") and
    # names the place of real damage in Vietnamese.
    try:
        return msgspec.convert(data, cls)
    except msgspec.ValidationError:
        return reference_from_dict(cls, data, where)


def reference_from_dict(cls: type[T], data: Any, where: str = "") -> T:
    """The decoder written against the model's type hints: what a record must be."""
    decode = _decoder(typing.cast(Hashable, cls))
    try:
        return typing.cast(T, decode(data, None))
    except _Misfit:
        # Decoding is deterministic: the second pass fails at the same place, and
        # says where. Damage is rare; good records pay for no place names.
        decode(data, where or cls.__name__)
        raise AssertionError("the located pass decoded what the fast pass refused") from None


def _fail(where: Where, text: str) -> typing.NoReturn:
    if where is None:
        raise _Misfit
    raise CodecError(f"{where}: {text}")


def _expect(data: Any, kind: type, where: Where) -> None:
    if not isinstance(data, kind):
        _fail(where, f"cần {kind.__name__}, gặp {type(data).__name__}")


@cache
def _decoder(tp: Any) -> Decoder:
    """The decoder of ``tp``, worked out once per type and kept.

    Working out a record's type hints and each field's kind for every value made
    opening a database decode-bound (90 ms for 120 meetings): the checks are the
    same, only the looking-up is done once.
    """
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _union(tp)
    if origin is list:
        return _list(typing.get_args(tp)[0], list)
    if origin is tuple:
        return _list(typing.get_args(tp)[0], tuple)
    if origin is dict:
        return _dict(typing.get_args(tp)[1])
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        return _struct(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum(tp)
    if tp is datetime or tp is date or tp is time:
        return _moment(tp)
    if tp is bool:
        return _bool
    if tp is int:
        return _int
    if tp is str:
        return _str
    if tp is Any:
        return lambda data, where: data

    def unsupported(data: Any, where: Where) -> Any:
        _fail(where, f"kiểu không hỗ trợ {tp!r}")

    return unsupported


def _union(tp: Any) -> Decoder:
    args = typing.get_args(tp)
    optional = type(None) in args
    inner = _decoder(next(a for a in args if a is not type(None)))

    def decode(data: Any, where: Where) -> Any:
        if data is None and optional:
            return None
        return inner(data, where)

    return decode


def _list(item_type: Any, kind: type) -> Decoder:
    def decode(data: Any, where: Where) -> Any:
        _expect(data, list, where)
        item = _decoder(item_type)  # looked up here: a type may contain itself
        if where is None:
            found = [item(v, None) for v in data]
        else:
            found = [item(v, f"{where}[{i}]") for i, v in enumerate(data)]
        return found if kind is list else tuple(found)

    return decode


def _dict(value_type: Any) -> Decoder:
    def decode(data: Any, where: Where) -> Any:
        _expect(data, dict, where)
        value = _decoder(value_type)
        if where is None:
            return {str(k): value(v, None) for k, v in data.items()}
        return {str(k): value(v, f"{where}.{k}") for k, v in data.items()}

    return decode


def _struct(tp: type[msgspec.Struct]) -> Decoder:
    fields: list[tuple[str, Decoder]] = []

    def decode(data: Any, where: Where) -> Any:
        _expect(data, dict, where)
        if not fields:  # on first use: a field's type may be this very class
            hints = typing.get_type_hints(tp)
            fields.extend((name, _decoder(hints[name])) for name in tp.__struct_fields__)
        if where is None:
            kwargs = {name: field(data[name], None) for name, field in fields if name in data}
        else:
            kwargs = {
                name: field(data[name], f"{where}.{name}") for name, field in fields if name in data
            }
        try:
            return tp(**kwargs)
        except TypeError as exc:
            if where is None:
                raise _Misfit from None
            raise CodecError(f"{where}: thiếu trường bắt buộc ({exc})") from exc

    return decode


def _enum(tp: type[Enum]) -> Decoder:
    members = {member.value: member for member in tp}

    def decode(data: Any, where: Where) -> Any:
        try:
            return members[data]  # what tp(data) looks up first, without its overhead
        except (KeyError, TypeError):
            pass
        try:
            return tp(data)
        except ValueError:
            _fail(where, f"giá trị không hợp lệ “{data}”")

    return decode


def _moment(tp: type[datetime] | type[date] | type[time]) -> Decoder:
    def decode(data: Any, where: Where) -> Any:
        _expect(data, str, where)
        try:
            return tp.fromisoformat(data)
        except ValueError:
            _fail(where, f"ngày giờ không hợp lệ “{data}”")

    return decode


def _bool(data: Any, where: Where) -> Any:
    if data is True or data is False:
        return data
    _fail(where, f"cần bool, gặp {type(data).__name__}")


def _int(data: Any, where: Where) -> Any:
    if isinstance(data, bool) or not isinstance(data, int):
        _fail(where, f"cần số nguyên, gặp {type(data).__name__}")
    return data


def _str(data: Any, where: Where) -> Any:
    if isinstance(data, str):
        return data
    _fail(where, f"cần str, gặp {type(data).__name__}")
