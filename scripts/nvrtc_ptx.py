#!/usr/bin/env python3
"""Compiles Gannet's CUDA kernels to PTX with NVRTC (no nvcc, no GPU needed).

Usage: nvrtc_ptx.py LIBNVRTC ARCH OUT_DIR FILE.cu...
LIBNVRTC is the path of libnvrtc.so (pip's nvidia-cuda-nvrtc-cu12 ships one); ARCH e.g. compute_80.
The kernels include no CUDA header, so NVRTC needs no include path beyond the sources' own folder.
"""
import ctypes
import os
import sys


def check(nvrtc, result, what):
    if result != 0:
        nvrtc.nvrtcGetErrorString.restype = ctypes.c_char_p
        raise SystemExit(f"{what}: {nvrtc.nvrtcGetErrorString(result).decode()}")


def compile_one(nvrtc, arch, path, out_dir):
    source = open(path, "rb").read()
    program = ctypes.c_void_p()
    check(nvrtc, nvrtc.nvrtcCreateProgram(ctypes.byref(program), source, os.path.basename(path).encode(),
                                          0, None, None), "nvrtcCreateProgram " + path)
    options = [f"--gpu-architecture={arch}".encode(), b"--std=c++17", b"-default-device",
               f"-I{os.path.dirname(os.path.abspath(path))}".encode()]
    array = (ctypes.c_char_p * len(options))(*options)
    result = nvrtc.nvrtcCompileProgram(program, len(options), array)
    log_size = ctypes.c_size_t()
    nvrtc.nvrtcGetProgramLogSize(program, ctypes.byref(log_size))
    log = ctypes.create_string_buffer(log_size.value)
    nvrtc.nvrtcGetProgramLog(program, log)
    if log.value.strip():
        sys.stderr.write(f"{path}:\n{log.value.decode()}\n")
    check(nvrtc, result, "nvrtcCompileProgram " + path)
    ptx_size = ctypes.c_size_t()
    check(nvrtc, nvrtc.nvrtcGetPTXSize(program, ctypes.byref(ptx_size)), "nvrtcGetPTXSize")
    ptx = ctypes.create_string_buffer(ptx_size.value)
    check(nvrtc, nvrtc.nvrtcGetPTX(program, ptx), "nvrtcGetPTX")
    nvrtc.nvrtcDestroyProgram(ctypes.byref(program))
    name = os.path.splitext(os.path.basename(path))[0] + ".ptx"
    with open(os.path.join(out_dir, name), "wb") as out:
        out.write(ptx.value)
    print(f"{path} -> {os.path.join(out_dir, name)}")


def main():
    if len(sys.argv) < 5:
        raise SystemExit(__doc__)
    nvrtc = ctypes.CDLL(sys.argv[1])
    for path in sys.argv[4:]:
        compile_one(nvrtc, sys.argv[2], path, sys.argv[3])


if __name__ == "__main__":
    main()
