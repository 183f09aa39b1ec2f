#!/usr/bin/env python3
"""Runs a PyTorch reference script, unchanged, with OpenBLAS on the kernels this CPU's feature flags allow.

../shared/bench/torch_reference.py restarts itself without an inherited OPENBLAS_CORETYPE so that OpenBLAS runs
this CPU's own kernels. OpenBLAS picks those from the CPU's model number, and a CPU newer than the library gets its
generic Prescott (SSE3) kernels instead: Debian 12's OpenBLAS 0.3.21 on an Intel Xeon of family 6, model 207 (Emerald
Rapids, AVX-512) times marker's reference at 13.8–14.6 ms a step on Prescott and 10.5 ms on the same library's
SkylakeX kernels. PyTorch at its best on such a CPU runs the kernels its flags allow (DeepWire's NativeTuning makes
the same choice for its own OpenBLAS).

This wrapper sets OPENBLAS_CORETYPE=CORE, imports PyTorch (which loads OpenBLAS, and OpenBLAS reads the variable
once, as it loads), removes the variable again so the script sees none and does not restart, checks that OpenBLAS
runs CORE, and runs SCRIPT as its own __main__ with ARGS: the file is never copied or changed, and the `blas=` it
prints names the kernels it ran on. docs/performance.sh times the reference both ways and keeps the faster.

Usage: reference_kernels.py CORE SCRIPT [ARGS...]     e.g. reference_kernels.py SkylakeX torch_reference.py marker
"""
import ctypes, os, runpy, sys


def blas_core():
    """The OpenBLAS kernels this process runs, read as the reference reads them (openblas_get_corename)."""
    for path in sorted({line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line}):
        try:
            f = ctypes.CDLL(path).openblas_get_corename
            f.restype = ctypes.c_char_p
            return f().decode()
        except (OSError, AttributeError):
            continue
    return "unknown"


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: reference_kernels.py CORE SCRIPT [ARGS...]")
    core, script = sys.argv[1], os.path.abspath(sys.argv[2])
    os.environ["OPENBLAS_CORETYPE"] = core
    os.environ.pop("OPENBLAS_L2_SIZE", None)
    import torch  # noqa: F401  loads OpenBLAS with the kernels named above
    del os.environ["OPENBLAS_CORETYPE"]
    running = blas_core()
    if running.lower() != core.lower():
        sys.exit(f"OpenBLAS runs {running}, not {core}: this OpenBLAS has no {core} kernels; name another "
                 "(SkylakeX, Haswell, …) or time the reference as shipped")
    sys.argv = [script] + sys.argv[3:]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
