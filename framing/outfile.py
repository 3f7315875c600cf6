"""Writing an output file safely: a temporary file beside it, renamed into place at the end.

A failed or interrupted run leaves the old file as it was and no half-written one. What is
already at the path decides how it is written: a regular file is replaced (keeping its
permissions), a symbolic link's target is replaced (the link stays), and a device or a pipe
(``/dev/null``, ``/dev/stdout``, a FIFO) is written to directly, never replaced. A new file
gets the permissions the user's umask gives, as ``open`` would. Every failure is one
:class:`OutputError` line.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path
from typing import IO

from .errors import OutputError
from .errors import shown_path as _shown


class OutputFile:
    """An output file being written; ``commit()`` puts it in place, ``abort()`` drops it. As
    a context manager it commits when the block ends and aborts when it raises (an
    ``OSError`` then becomes the one-line error).

    ``handle`` is the open file (text with ``newline=""`` unless ``binary``); ``work_path``
    is where it is being written, for writers that want a path (DuckDB's COPY), and is
    ``None`` for a device or a pipe.
    """

    def __init__(self, path: str | Path, *, binary: bool = False, open_handle: bool = True,
                 error=OutputError) -> None:
        self.path = Path(path)
        self._error = error
        self.handle: IO | None = None
        self.work_path: Path | None = None
        try:
            target = self.path.resolve() if self.path.is_symlink() else self.path
            if target.is_dir():
                raise error(f"{_shown(self.path)}: is a directory; give a file name for the "
                            "output")
            existing = target.stat() if target.exists() else None
            self.target = target
            if existing is not None and not stat.S_ISREG(existing.st_mode):
                # a device or a pipe: written to, never replaced
                if open_handle:
                    self.handle = open(target, "wb" if binary else "w",  # noqa: SIM115
                                       **({} if binary else {"encoding": "utf-8",
                                                             "newline": ""}))
                self.direct = True
                return
            self.direct = False
            directory = target.parent if str(target.parent) else Path(".")
            if not directory.exists():
                raise error(f"{_shown(self.path)}: the folder {_shown(directory)} does not "
                            "exist")
            fd = self._create(directory, target.name)
            if existing is not None:  # keep the permissions of the file it replaces
                os.chmod(fd, stat.S_IMODE(existing.st_mode))
            if open_handle:
                self.handle = os.fdopen(fd, "wb" if binary else "w",
                                        **({} if binary else {"encoding": "utf-8",
                                                              "newline": ""}))
            else:
                os.close(fd)
        except OSError as failure:
            if self.work_path is not None:
                self.work_path.unlink(missing_ok=True)
            raise error(f"{_shown(self.path)}: cannot write ({failure.strerror})") from None

    def _create(self, directory: Path, name: str) -> int:
        """A new temporary file beside the output, created with the permissions ``open``
        gives (0666 less the umask; ``mkstemp`` would make it 0600)."""
        while True:
            work = directory / f".{name[:100]}.{secrets.token_hex(6)}.part"
            try:
                fd = os.open(work, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            self.work_path = work
            return fd

    def commit(self) -> None:
        """Close the file and put it in place."""
        try:
            if self.handle is not None:
                self.handle.close()
            if self.work_path is not None:
                os.replace(self.work_path, self.target)
        except OSError as failure:
            self.abort()
            raise self._error(f"{_shown(self.path)}: cannot write ({failure.strerror})"
                              ) from None

    @property
    def write_path(self) -> Path:
        """Where a writer that wants a path writes: the temporary file, or the device."""
        return self.work_path or self.target

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(self, kind, failure, traceback) -> bool:
        if kind is None:
            self.commit()
            return False
        self.abort()
        if isinstance(failure, OSError):
            raise self._error(f"{_shown(self.path)}: cannot write ({failure.strerror})"
                              ) from None
        return False

    def abort(self) -> None:
        """Close and remove the temporary file; the old file, if any, stays."""
        if self.handle is not None:
            with contextlib.suppress(OSError):  # (a full disk fails the close too)
                self.handle.close()
        if self.work_path is not None:
            self.work_path.unlink(missing_ok=True)


def write_file(path: str | Path, data: str | bytes, *, error=OutputError) -> None:
    """Write ``data`` to ``path`` safely (see the module docstring)."""
    with OutputFile(path, binary=isinstance(data, bytes), error=error) as out:
        out.handle.write(data)


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name the same existing file (links and relative paths followed)."""
    try:
        return Path(a).exists() and Path(b).exists() and os.path.samefile(a, b)
    except OSError:
        return False
