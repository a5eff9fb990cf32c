#!/usr/bin/env python3
"""llama.cpp's logits for fixture models with its default half-precision (F16) KV cache.

Test tooling only.  The shared references (and make_reference_models.py's) were made with an F32
K/V cache; Gannet's default cache is F16, as llama.cpp's is, and this writes the references that
setting is checked against: the same 64 token ids of seqA.txt, one token per llama_decode call,
CPU only, flash attention off, K and V cache F16.  Output: little-endian float32 [64][n_vocab] in
kernels/src/test/resources/reference/kv-f16/NAME.seqA.f32.

Usage (from the repository root; needs llama-cpp-python, gguf, numpy):

    python3 scripts/kv_f16_reference.py [MODEL.gguf ...]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_reference_models as refs  # noqa: E402

OUT = "kernels/src/test/resources/reference/kv-f16"
DEFAULT_MODELS = [
    f"{refs.SHARED}/models/{name}.gguf"
    for name in ("llama-s7-f32", "llama-s7-q8_0", "qwen2-s7-f32", "phi3-s7-f32", "gemma-s7-f32")
] + ["kernels/src/test/resources/reference/models/qwen3-s7-f32.gguf",
     "kernels/src/test/resources/reference/models/gemma3-s7-f16.gguf"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models", nargs="*", default=DEFAULT_MODELS)
    ap.add_argument("--seq", default=refs.DEFAULT_SEQ)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    with open(args.seq) as f:
        tokens = [int(t) for t in f.read().split()]
    os.makedirs(OUT, exist_ok=True)
    for model in args.models:
        name = os.path.basename(model).removesuffix(".gguf")
        logits = refs.reference_logits(model, tokens, args.threads, kv_type=refs.GGML_TYPE_F16)
        path = os.path.join(OUT, f"{name}.seqA.f32")
        logits.astype("<f4").tofile(path)
        print(f"{path}: {logits.shape[0]} x {logits.shape[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
