"""What an OLE Compound File holds: a legacy .doc/.wps, or an encrypted .docx/.xlsx.

Word and WPS wrap a password-protected .docx in a Compound File (CFB, [MS-CFB]) whose
streams are `EncryptionInfo` and `EncryptedPackage` ([MS-OFFCRYPTO]); a legacy .doc is a
Compound File with a `WordDocument` stream whose header (FIB) flags its own encryption.
Only the directory is read, bounded by the file's own size: nothing is decrypted.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENDOFCHAIN = 0xFFFFFFFE
_MAX_REGULAR = 0xFFFFFFFA
_HEADER = 512
_DIFAT_IN_HEADER = 109
_ENTRY = 128
_FIB_ENCRYPTED = 0x0100  # fEncrypted in the FIB's flag word (offset 0x0A) of WordDocument


@dataclass(frozen=True, slots=True)
class Contents:
    """The stream names of a Compound File and whether it is an encrypted document."""

    streams: frozenset[str]
    encrypted_doc: bool = False

    @property
    def encrypted(self) -> bool:
        """A password-protected .docx (EncryptedPackage) or a .doc that flags encryption."""
        return "EncryptedPackage" in self.streams or self.encrypted_doc


def inspect(data: bytes) -> Contents | None:
    """The directory of the Compound File `data`; None when it cannot be read as one."""
    if not data.startswith(SIGNATURE) or len(data) < _HEADER:
        return None
    try:
        return _inspect(data)
    except (struct.error, ValueError, IndexError):
        return None


def _inspect(data: bytes) -> Contents:
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise ValueError("sector size")
    size = 1 << shift
    count = len(data) // size  # every sector there can be; bounds every walk

    def sector(number: int) -> bytes:
        if number > _MAX_REGULAR or number >= count:
            raise ValueError("sector out of range")
        # the header fills sector -1 (512 bytes, padded to 4096 in version 4)
        start = (number + 1) * size
        return data[start : start + size]

    fat_sectors = list(struct.unpack_from(f"<{_DIFAT_IN_HEADER}I", data, 0x4C))
    difat: int = struct.unpack_from("<I", data, 0x44)[0]
    seen: set[int] = set()
    while difat <= _MAX_REGULAR and difat not in seen and len(seen) < count:
        seen.add(difat)
        entries = struct.unpack(f"<{size // 4}I", sector(difat))
        fat_sectors.extend(entries[:-1])
        difat = entries[-1]
    fat: list[int] = []
    for number in fat_sectors:
        if number <= _MAX_REGULAR:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(number)))

    def chain(start: int) -> list[int]:
        out: list[int] = []
        while start <= _MAX_REGULAR and start < len(fat) and len(out) < count:
            out.append(start)
            start = fat[start]
        return out

    streams: set[str] = set()
    word: tuple[int, int] | None = None
    cutoff = struct.unpack_from("<I", data, 0x38)[0]
    for number in chain(struct.unpack_from("<I", data, 0x30)[0]):
        block = sector(number)
        for offset in range(0, size, _ENTRY):
            entry = block[offset : offset + _ENTRY]
            length = struct.unpack_from("<H", entry, 0x40)[0]
            kind = entry[0x42]
            if kind != 2 or not 2 <= length <= 64:
                continue
            name = entry[: length - 2].decode("utf-16-le", errors="replace")
            streams.add(name)
            if name == "WordDocument":
                start, stream_size = struct.unpack_from("<II", entry, 0x74)
                if stream_size >= cutoff:
                    word = start, stream_size
    encrypted_doc = False
    if word is not None:
        fib = sector(word[0])
        encrypted_doc = bool(struct.unpack_from("<H", fib, 0x0A)[0] & _FIB_ENCRYPTED)
    return Contents(frozenset(streams), encrypted_doc)
