#!/usr/bin/env bash
# Compiles kernels/src/main/cuda/*.cu to PTX under kernels/src/main/resources/dev/gannet/kernels/cuda,
# then assembles each PTX for sm_90 (H100/H200) with ptxas to prove it is well-formed.
# With nvcc on the PATH (a GPU machine with the CUDA toolkit) nvcc compiles; otherwise set NVRTC to
# a libnvrtc.so (pip install nvidia-cuda-nvrtc-cu12) and PTXAS to a ptxas (nvidia-cuda-nvcc-cu12).
# ARCH: the virtual architecture the PTX targets (default compute_80: dp4a, and the driver JITs it
# for any newer GPU).
set -euo pipefail
cd "$(dirname "$0")/.."
ARCH=${ARCH:-compute_80}
SRC=kernels/src/main/cuda
OUT=kernels/src/main/resources/dev/gannet/kernels/cuda
mkdir -p "$OUT"
if command -v nvcc >/dev/null; then
    for cu in "$SRC"/*.cu; do
        nvcc -std=c++17 -arch="$ARCH" -ptx -o "$OUT/$(basename "${cu%.cu}").ptx" "$cu"
    done
elif [[ -n "${NVRTC:-}" ]]; then
    python3 scripts/nvrtc_ptx.py "$NVRTC" "$ARCH" "$OUT" "$SRC"/*.cu
else
    echo "build_ptx.sh: neither nvcc on the PATH nor NVRTC=path/to/libnvrtc.so set" >&2
    exit 1
fi
PTXAS=${PTXAS:-$(command -v ptxas || true)}
if [[ -n "$PTXAS" ]]; then
    for ptx in "$OUT"/*.ptx; do
        "$PTXAS" -arch=sm_90 -o /dev/null "$ptx"
        echo "ptxas sm_90: $ptx assembles"
    done
else
    echo "build_ptx.sh: no ptxas: PTX written but not assembled" >&2
fi
