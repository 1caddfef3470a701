"""Stored files (uploaded documents), encrypted at rest when keys are configured (Fernet from ``cryptography``).

Keys are Fernet keys, newest first: the first encrypts, every one decrypts (``MultiFernet``), so a new key can be
put in front and the files re-encrypted (``rotate``) while the service runs. A file written before encryption was
turned on is read as it is and encrypted by the next rotation. Fernet authenticates: a file changed on disk or a
wrong key fails loudly instead of returning garbage.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

# Every Fernet token starts with version byte 0x80, i.e. "gAAAAA" in url-safe base64; no PDF or image does.
FERNET_PREFIX = b"gAAAAA"


class EncryptionKeyError(Exception):
    """A stored file that none of the configured keys opens (wrong or missing key)."""


def parse_keys(value: str | None) -> list[str]:
    return [k.strip() for k in (value or "").split(",") if k.strip()]


def generate_key() -> str:
    return Fernet.generate_key().decode()


class FileVault:
    """Reads and writes stored files; plain when no key is configured."""

    def __init__(self, keys: list[str] | None = None) -> None:
        try:
            self._fernet = MultiFernet([Fernet(k) for k in keys]) if keys else None
        except ValueError as exc:
            raise ValueError(
                "LEDGERLENS_ENCRYPTION_KEY must be Fernet keys (32 url-safe base64 bytes each, comma-separated); "
                "make one with `ledgerlens keys generate`"
            ) from exc

    @property
    def encrypting(self) -> bool:
        return self._fernet is not None

    @staticmethod
    def is_encrypted(data: bytes) -> bool:
        return data.startswith(FERNET_PREFIX)

    def write(self, path: Path, data: bytes) -> None:
        _atomic_write(path, self._fernet.encrypt(data) if self._fernet else data)

    def read(self, path: Path) -> bytes:
        data = path.read_bytes()
        if not self.is_encrypted(data):
            return data
        if self._fernet is None:
            raise EncryptionKeyError(f"{path.name} is encrypted; set LEDGERLENS_ENCRYPTION_KEY to read it")
        try:
            return self._fernet.decrypt(data)
        except InvalidToken as exc:
            raise EncryptionKeyError(
                f"none of the configured keys opens {path.name} (or the file was altered)"
            ) from exc

    def rotate(self, path: Path) -> bool:
        """Re-encrypt one file under the newest key (encrypting a plain one); True when it was rewritten."""
        if self._fernet is None:
            raise EncryptionKeyError("no encryption key is configured; set LEDGERLENS_ENCRYPTION_KEY first")
        data = path.read_bytes()
        if self.is_encrypted(data):
            try:
                rotated = self._fernet.rotate(data)
            except InvalidToken as exc:
                raise EncryptionKeyError(f"none of the configured keys opens {path.name}") from exc
        else:
            rotated = self._fernet.encrypt(data)
        _atomic_write(path, rotated)
        return True


def _atomic_write(path: Path, data: bytes) -> None:
    """Write beside the target and rename: a reader never sees half a file, a crash never leaves one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
