"""Run LibreOffice headless: one process for a batch (or a share of it), private profile and temp.

A second soffice sharing a profile with a running one exits 1 with no message and no PDF, so
each process gets its own `-env:UserInstallation`. soffice leaves `lu*.tmp` files in TMPDIR;
it gets a private TMPDIR that is removed afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gongwen.i18n import N_

SOFFICE_ENV = "GONGWEN_SOFFICE"
_NAMES = ("soffice", "libreoffice")
INSTALL_HINT = "apt-get install -y --no-install-recommends libreoffice-writer-nogui"


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a process ended."""

    returncode: int | None  # None: killed after the timeout
    stdout: str
    stderr: str


# argv, environment, timeout in seconds → outcome. Tests pass their own to count launches.
Runner = Callable[[Sequence[str], Mapping[str, str], float], Outcome]


def find_soffice(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The soffice program: `explicit`, else $GONGWEN_SOFFICE, else `soffice`/`libreoffice`."""
    from gongwen.export.result import SofficeMissing

    wanted = explicit or os.environ.get(SOFFICE_ENV)
    if wanted:
        found = shutil.which(str(wanted))
        if found:
            return Path(found)
        raise SofficeMissing(
            N_(
                "LibreOffice was not found at {path}, so no PDF was made: install it with "
                "`{hint}` or point GONGWEN_SOFFICE at the soffice program"
            ),
            path=str(wanted),
            hint=INSTALL_HINT,
        )
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise SofficeMissing(
        N_(
            "LibreOffice (soffice) is not installed, so no PDF was made: install it with "
            "`{hint}` or point GONGWEN_SOFFICE at the soffice program"
        ),
        hint=INSTALL_HINT,
    )


def command(
    soffice: Path, profile: Path, outdir: Path, files: Sequence[Path], target: str = "pdf"
) -> list[str]:
    """The one command line that converts every file of a batch (or of one process's share)
    to `target` (a LibreOffice filter: pdf, or docx for a legacy submission)."""
    return [
        str(soffice),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        *(str(f) for f in files),
    ]


def run_process(argv: Sequence[str], env: Mapping[str, str], timeout: float) -> Outcome:
    """Run `argv` in its own process group; on timeout kill the whole group (soffice.bin too)."""
    proc = subprocess.Popen(
        list(argv),
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # The wrapper script and soffice.bin share the group: both go.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return Outcome(None, out.decode(errors="replace"), err.decode(errors="replace"))
    return Outcome(proc.returncode, out.decode(errors="replace"), err.decode(errors="replace"))
