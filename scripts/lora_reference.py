#!/usr/bin/env python3
"""llama.cpp's logits for a base model with LoRA adapters applied at run time — the reference the
LoRA tests compare Gannet against (kernels/src/test/resources/lora/).

Runs llama-cpp-python (its vendored llama.cpp, CPU only) the same way make_reference_models.py
makes the fixture references: F32 K/V cache, flash attention off, one token per llama_decode call,
and writes the logits after each token as little-endian float32, row-major [n_tokens][n_vocab].

    python3 scripts/lora_reference.py --model ../shared/fixtures/models/llama-s7-f32.gguf \\
        --lora kernels/src/test/resources/lora/llama-s7-r8-f32.lora.gguf:1.0 \\
        --tokens ../shared/fixtures/reference/seqA.txt --count 16 \\
        --out kernels/src/test/resources/lora/llama-s7-f32+r8.seqA16.f32

Several --lora FILE:SCALE options apply several adapters at once (llama_set_adapters_lora).
"""
import argparse
import ctypes
import sys

import numpy as np

GGML_TYPE_F32 = 0
LLAMA_FLASH_ATTN_TYPE_DISABLED = 0


def parse_lora(spec: str) -> tuple[str, float]:
    path, _, scale = spec.rpartition(":")
    if not path:
        return spec, 1.0
    return path, float(scale)


def reference_logits(model_path: str, loras: list[tuple[str, float]], tokens: list[int]) -> np.ndarray:
    import llama_cpp as lc

    keep_alive = lc.llama_log_callback(lambda level, text, user: None)
    lc.llama_log_set(keep_alive, ctypes.c_void_p(0))
    lc.llama_backend_init()

    mparams = lc.llama_model_default_params()
    mparams.n_gpu_layers = 0
    model = lc.llama_model_load_from_file(model_path.encode(), mparams)
    if not model:
        raise RuntimeError(f"llama.cpp could not load {model_path}")
    adapters = []
    for path, _ in loras:
        adapter = lc.llama_adapter_lora_init(model, path.encode())
        if not adapter:
            raise RuntimeError(f"llama.cpp rejected the adapter {path}")
        adapters.append(adapter)

    cparams = lc.llama_context_default_params()
    cparams.n_ctx = 256
    cparams.n_batch = 1
    cparams.n_ubatch = 1
    cparams.n_seq_max = 1
    cparams.n_threads = 1
    cparams.n_threads_batch = 1
    cparams.type_k = GGML_TYPE_F32
    cparams.type_v = GGML_TYPE_F32
    cparams.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED
    cparams.offload_kqv = False
    ctx = lc.llama_init_from_model(model, cparams)
    if not ctx:
        raise RuntimeError(f"llama.cpp could not create a context for {model_path}")
    n = len(adapters)
    rc = lc.llama_set_adapters_lora(ctx, (lc.llama_adapter_lora_p_ctypes * n)(*adapters), n,
                                    (ctypes.c_float * n)(*[scale for _, scale in loras]))
    if rc != 0:
        raise RuntimeError(f"llama_set_adapters_lora failed: {rc}")

    n_vocab = lc.llama_vocab_n_tokens(lc.llama_model_get_vocab(model))
    out = np.empty((len(tokens), n_vocab), dtype=np.float32)
    batch = lc.llama_batch_init(1, 0, 1)
    try:
        for pos, tok in enumerate(tokens):
            batch.n_tokens = 1
            batch.token[0] = tok
            batch.pos[0] = pos
            batch.n_seq_id[0] = 1
            batch.seq_id[0][0] = 0
            batch.logits[0] = 1
            if lc.llama_decode(ctx, batch) != 0:
                raise RuntimeError(f"llama_decode failed at position {pos}")
            out[pos] = np.ctypeslib.as_array(lc.llama_get_logits_ith(ctx, 0), shape=(n_vocab,))
    finally:
        lc.llama_batch_free(batch)
        lc.llama_free(ctx)
        for adapter in adapters:
            lc.llama_adapter_lora_free(adapter)
        lc.llama_model_free(model)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="base GGUF model")
    ap.add_argument("--lora", action="append", default=[], metavar="FILE[:SCALE]", help="adapter (repeatable)")
    ap.add_argument("--tokens", required=True, help="file of space-separated token ids")
    ap.add_argument("--count", type=int, default=0, help="use only the first N tokens (0: all)")
    ap.add_argument("--out", required=True, help="where to write the float32 logits")
    ap.add_argument("--without-adapters", action="store_true",
                    help="also print how far the adapters moved the logits (a check they were applied)")
    args = ap.parse_args()

    tokens = [int(t) for t in open(args.tokens).read().split()]
    if args.count:
        tokens = tokens[: args.count]
    loras = [parse_lora(spec) for spec in args.lora]
    logits = reference_logits(args.model, loras, tokens)
    if not np.all(np.isfinite(logits)):
        raise RuntimeError("non-finite logits")
    logits.astype("<f4").tofile(args.out)
    print(f"wrote {args.out}: [{logits.shape[0]}][{logits.shape[1]}]")
    if args.without_adapters:
        base = reference_logits(args.model, [], tokens)
        print(f"  the adapters moved the logits by up to {np.abs(logits - base).max():.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
