"""Reading a model file without trusting it: names, shapes and dtypes first, numbers only when wanted.

A file of 1.4 KB can declare a tensor of 2 GB (a stride-0 view in a .pt, a compressed run of zeros in an
.npz). So a file is opened as a `TensorFile`: `entries` says each tensor's shape and dtype, read from the
file's headers and metadata alone; `read(name)` makes the float32 array, and is called by
explorer.own_model.build only once the shapes have passed its arithmetic against the limits.

- .npz: the zip's directory is measured from its end record before zipfile lists it; each member's
  .npy header is read with numpy's own reader; its data only in `read`.
- .safetensors: the header, through safetensors' `safe_open` (which checks it against the file's length);
  bf16 and fp16 are converted to float32.
- .pt/.pth: `torch.load(weights_only=True, mmap=True)`: no code runs, and the storages stay mapped on
  disk; `numel()` is arithmetic on the shape. (A file of torch's old format, not a zip, is read whole: its
  storages are no larger than the file.)

Every refusal is an OwnModelError: a sentence (English and Chinese) naming what is wrong.
"""
from __future__ import annotations

import re
import struct
import zipfile
from dataclasses import dataclass
from math import prod
from pathlib import Path

import numpy as np

from explorer.i18n import say

MAX_BYTES = 50 * 2**20              # a model file on disk
MAX_DIRECTORY = 2**20               # a zip's directory: 1 MB lists about 20,000 members
MAX_MEMBERS = 4096                  # a model of 8 bidirectional layers has under 100
SUFFIXES = (".pt", ".pth", ".safetensors", ".npz")
NUMERIC = {"float64", "float32", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool"}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class OwnModelError(ValueError):
    """A file that is not a model this app can load; `message(lang)` says why in that language. It keeps
    only its key and the values of its sentence (strings and numbers): no traceback, no tensor."""

    def __init__(self, key: str, **fmt):
        self.key, self.fmt = key, {k: v if isinstance(v, (int, float)) else str(v) for k, v in fmt.items()}
        super().__init__(say("own_err_" + key, "en", **self.fmt))

    def message(self, lang: str, escape=None) -> str:
        """The sentence in `lang`; `escape` (e.g. safe_text.md_escape) applied to every value from the file."""
        fmt = {k: escape(v) if escape and isinstance(v, str) else v for k, v in self.fmt.items()}
        return say("own_err_" + self.key, lang, **fmt)


def detail(e: BaseException, limit: int = 200) -> str:
    """What a reader said, short: torch's weights_only verdict if there is one, else its first line, cut at
    the last whole sentence (or word) within `limit` characters."""
    text = _ANSI.sub("", str(e)).strip()
    m = re.search(r"WeightsUnpickler error: ([^\n]*)", text)
    line = (m.group(1) if m else text.split("\n", 1)[0]).strip() or type(e).__name__
    if len(line) > limit:
        cut = line[:limit]
        end = cut.rfind(". ")
        line = cut[: end + 1] if end > limit // 3 else cut[: cut.rfind(" ") if " " in cut else limit].rstrip(" ,;:") + " …"
    return line if line.endswith((".", "!", "?", "…", ")")) else line + "."


@dataclass(frozen=True)
class Entry:
    shape: tuple[int, ...]
    dtype: str                         # numpy's or torch's name: "float32", "bfloat16", "bool" …

    @property
    def numel(self) -> int:
        return prod(self.shape)


def zip_directory(path: Path) -> tuple[int, int] | None:
    """(members, directory bytes) from a zip's end record, or None when the file is not a zip."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        f.seek(max(0, size - 65_557))                  # the end record (22 bytes) and a comment of ≤ 65,535
        tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    members, directory = struct.unpack("<HI", tail[at + 10: at + 16])
    return members, directory


def _check_directory(path: Path) -> bool:
    """True for a zip whose directory is small enough to list; refuses one that is not."""
    found = zip_directory(path)
    if found is None:
        return False
    members, directory = found
    if members == 0xFFFF or members > MAX_MEMBERS or directory > MAX_DIRECTORY:
        raise OwnModelError("too_many_members", n=f"{members:,}" if members != 0xFFFF else "65,535+",
                            limit=f"{MAX_MEMBERS:,}")
    return True


class TensorFile:
    """The tensors of one file: `entries` (shapes and dtypes only) and `read(name)` (a float32 array)."""

    entries: dict[str, Entry]

    def read(self, name: str) -> np.ndarray:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class ArrayFile(TensorFile):
    """Arrays already in memory (a model built in Python), read through the same checks."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.arrays = {k: np.asarray(v) for k, v in arrays.items()}
        self.entries = {k: Entry(tuple(int(n) for n in a.shape), a.dtype.name) for k, a in self.arrays.items()}

    def read(self, name: str) -> np.ndarray:
        return np.ascontiguousarray(self.arrays[name], np.float32)


class NpzFile(TensorFile):
    def __init__(self, path: Path):
        if not _check_directory(path):
            raise OwnModelError("unreadable", detail="not a zip archive")
        try:
            self.zip = zipfile.ZipFile(path)
            self.members, self.entries = {}, {}
            for info in self.zip.infolist():
                name = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
                with self.zip.open(info) as fp:
                    version = np.lib.format.read_magic(fp)
                    if version == (1, 0):
                        shape, fortran, dtype = np.lib.format.read_array_header_1_0(fp)
                    elif version == (2, 0):
                        shape, fortran, dtype = np.lib.format.read_array_header_2_0(fp)
                    else:
                        raise ValueError(f"“{name}”: .npy format {version} is not read here")
                    offset = fp.tell()
                if dtype.hasobject:
                    raise OwnModelError("pickle", detail=f"“{name}” holds Python objects")
                if dtype.fields is not None or dtype.name not in NUMERIC:
                    raise OwnModelError("not_tensor", name=name[:80], type=str(dtype)[:40])
                entry = Entry(tuple(int(n) for n in shape), dtype.name)
                if info.file_size != offset + entry.numel * dtype.itemsize:
                    raise ValueError(f"“{name}”: its header and its size disagree")
                self.members[name] = (info, offset, fortran, dtype)
                self.entries[name] = entry
        except OwnModelError:
            self.close()
            raise
        except Exception as e:            # noqa: BLE001 (zip, zlib and numpy each raise their own kinds)
            self.close()
            raise OwnModelError("unreadable", detail=detail(e)) from None

    def read(self, name: str) -> np.ndarray:
        info, offset, fortran, dtype = self.members[name]
        shape = self.entries[name].shape
        try:
            with self.zip.open(info) as fp:
                fp.read(offset)
                data = fp.read(prod(shape) * dtype.itemsize)
            a = np.frombuffer(data, dtype).reshape(shape, order="F" if fortran else "C")
        except Exception as e:            # noqa: BLE001
            raise OwnModelError("unreadable", detail=detail(e)) from None
        return np.ascontiguousarray(a, np.float32)

    def close(self) -> None:
        z = getattr(self, "zip", None)
        if z is not None:
            z.close()


class SafetensorsFile(TensorFile):
    def __init__(self, path: Path):
        from safetensors import safe_open

        try:
            self.file = safe_open(str(path), framework="pt")
            self.entries = {}
            for k in self.file.keys():
                s = self.file.get_slice(k)
                dtype = _SAFETENSORS_DTYPES.get(s.get_dtype(), s.get_dtype().lower())
                if dtype not in NUMERIC:
                    raise OwnModelError("not_tensor", name=k[:80], type=dtype[:40])
                self.entries[k] = Entry(tuple(int(n) for n in s.get_shape()), dtype)
        except OwnModelError:
            raise
        except Exception as e:            # noqa: BLE001 (SafetensorError, OSError, ValueError …)
            raise OwnModelError("unreadable", detail=detail(e)) from None

    def read(self, name: str) -> np.ndarray:
        import torch

        return self.file.get_tensor(name).to(torch.float32).contiguous().numpy().copy()


_SAFETENSORS_DTYPES = {"F64": "float64", "F32": "float32", "F16": "float16", "BF16": "bfloat16", "I64": "int64",
                       "I32": "int32", "I16": "int16", "I8": "int8", "U8": "uint8", "BOOL": "bool"}


class TorchFile(TensorFile):
    def __init__(self, path: Path):
        import pickle

        import torch

        zipped = _check_directory(path)
        try:
            obj = torch.load(path, map_location="cpu", weights_only=True, mmap=zipped)
        except pickle.UnpicklingError as e:       # weights_only refused something that is not a tensor
            raise OwnModelError("pickle", detail=detail(e)) from None
        except Exception as e:                     # noqa: BLE001 (torch raises many kinds for a bad file)
            raise OwnModelError("unreadable", detail=detail(e)) from None
        if not isinstance(obj, dict):
            raise OwnModelError("not_state_dict", type=type(obj).__name__)
        self.tensors, self.entries = {}, {}
        for k, v in obj.items():
            if not isinstance(k, str) or not torch.is_tensor(v):
                raise OwnModelError("not_tensor", name=str(k)[:80], type=type(v).__name__)
            dtype = str(v.dtype).removeprefix("torch.")
            if v.layout != torch.strided or v.is_quantized or v.device.type != "cpu" or dtype not in NUMERIC:
                raise OwnModelError("not_tensor", name=k[:80], type=dtype)
            self.tensors[k] = v
            self.entries[k] = Entry(tuple(int(n) for n in v.shape), dtype)

    def read(self, name: str) -> np.ndarray:
        import torch

        return self.tensors[name].detach().to(torch.float32).contiguous().numpy().copy()

    def close(self) -> None:
        self.tensors = {}


def open_tensors(path, name: str | None = None) -> TensorFile:
    """The tensors of a .pt/.pth, .safetensors or .npz file: headers read, no data yet."""
    path = Path(path)
    suffix = Path(name or path.name).suffix.lower()
    if suffix not in SUFFIXES:
        raise OwnModelError("format", suffix=suffix or "?", allowed=", ".join(SUFFIXES))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise OwnModelError("too_big", mb=f"{size / 2**20:.1f}", limit=MAX_BYTES // 2**20)
    if size == 0:
        raise OwnModelError("empty")
    if suffix in (".pt", ".pth"):
        return TorchFile(path)
    if suffix == ".safetensors":
        return SafetensorsFile(path)
    return NpzFile(path)
