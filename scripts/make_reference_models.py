#!/usr/bin/env python3
"""Make tiny qwen3 / gemma3 GGUF test models and llama.cpp reference logits for them.

Test tooling only (the engine itself is Java).  What it does:

  1. Writes tiny random-weight GGUF models with the `gguf` package's GGUFWriter, in the
     style of the shared fixtures (/work/shared/fixtures/models): normal(0, 0.08) weights,
     1-D norm weights 1 + normal(0, 0.05), fixed seed, and the 512-token SentencePiece-style
     vocabulary copied key by key (all `tokenizer.*` keys) from llama-s7-f32.gguf.
  2. Quantizes each one with llama.cpp's own quantizer (llama-cpp-python's binding of
     `llama_model_quantize`): Q8_0, and the Q4_K_M mix.
  3. Runs every model through llama.cpp (via llama-cpp-python) on the 64 token ids of
     seqA.txt, ONE token per llama_decode call, CPU only, F32 K/V cache, flash attention
     off, and writes the logits after each token as little-endian float32, row-major
     [64][n_vocab], to logits/NAME.seqA.f32.

Usage (from the repository root):

    python3 scripts/make_reference_models.py                 # build everything
    python3 scripts/make_reference_models.py --check-llama   # only the cross-check: rerun
        # the logits step on the shared llama-s7-f32 fixture and compare with its reference

Requirements: pip install llama-cpp-python gguf numpy  (llama-cpp-python compiles llama.cpp
for the CPU; the llama.cpp version it vendors is what the logits are a reference *of*).

Model shapes (both): n_embd 128, 4 query heads, 2 KV heads, head dim 64 given explicitly by
`<arch>.attention.key_length` / `value_length` (so n_head * head_dim = 256 != n_embd on
purpose: an engine must not derive the head dim from n_embd / n_head), FFN 256, context
2048, rope freq_base 1e6, RMS-norm eps 1e-6, per-head Q/K RMS norms of size head_dim.

  qwen3  : 2 layers, no biases, separate output.weight.  All 2-D weights F32 (about 2.1 MB).
  gemma3 : 6 layers, so that llama.cpp's default gemma3 layer pattern (period 6: five
           sliding-window layers, then one global layer) has both kinds; sliding window 8,
           so that the 64-token sequence really exercises the window; post-attention and
           post-FFN norms; tied embeddings (no output.weight).  Six F32 layers would be
           ~4.7 MB, over the 3 MB limit for committed files, so the 2-D weights are stored
           as F16 (file gemma3-s7-f16.gguf, ~2.5 MB).  Norm weights stay F32.

The tensor names and metadata keys follow what llama.cpp's loaders read
(vendor/llama.cpp/src/models/qwen3.cpp and gemma3.cpp, llama-model.cpp, llama-arch.cpp).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import sys

import numpy as np
import gguf

# --------------------------------------------------------------------------------------
# Defaults (paths are relative to the repository root unless absolute)
# --------------------------------------------------------------------------------------

SHARED = "/work/shared/fixtures"
DEFAULT_TOKENIZER_SOURCE = f"{SHARED}/models/llama-s7-f32.gguf"
DEFAULT_SEQ = f"{SHARED}/reference/seqA.txt"
DEFAULT_OUT = "kernels/src/test/resources/reference"

# The llama cross-check: this fixture and its llama.cpp logits already exist.
CHECK_MODEL = f"{SHARED}/models/llama-s7-f32.gguf"
CHECK_LOGITS = f"{SHARED}/reference/logits/llama-s7-f32.seqA.f32"

SEED = 7            # the "s7" in the file names
WEIGHT_STD = 0.08   # std of every 2-D weight
NORM_STD = 0.05     # norm weights are 1 + N(0, NORM_STD)

# llama.h enum values (stable across llama.cpp versions)
GGML_TYPE_F32 = 0
GGML_TYPE_F16 = 1
LLAMA_FTYPE_ALL_F32 = 0
LLAMA_FTYPE_MOSTLY_F16 = 1
LLAMA_FTYPE_MOSTLY_Q8_0 = 7
LLAMA_FTYPE_MOSTLY_Q4_K_M = 15
LLAMA_FLASH_ATTN_TYPE_DISABLED = 0

# Shared hyper-parameters of the two new models.
N_EMBD = 128
N_HEAD = 4
N_HEAD_KV = 2
HEAD_DIM = 64
N_FF = 256
N_CTX_TRAIN = 2048
ROPE_BASE = 1.0e6
RMS_EPS = 1.0e-6

# Per-architecture specification.
#   weight_dtype : numpy dtype the 2-D weights are stored in (GGUFWriter infers F32/F16)
#   tied_output  : True -> no output.weight; llama.cpp reuses token_embd.weight
#   post_norms   : True -> gemma-style post_attention_norm / post_ffw_norm per layer
#   extra_kv     : additional architecture keys ("{arch}." is prefixed)
MODELS = {
    "qwen3-s7-f32": dict(
        arch="qwen3", n_layer=2, weight_dtype=np.float32, file_type=LLAMA_FTYPE_ALL_F32,
        tied_output=False, post_norms=False, extra_kv={},
    ),
    "gemma3-s7-f16": dict(
        arch="gemma3", n_layer=6, weight_dtype=np.float16, file_type=LLAMA_FTYPE_MOSTLY_F16,
        tied_output=True, post_norms=True,
        # Window of 8 positions.  No `sliding_window_pattern` key: llama.cpp then uses its
        # built-in gemma3 period of 6 (layers 0-4 local, layer 5 global).  No
        # `rope.freq_base_swa` key: llama.cpp then uses 10000 for the local layers.
        extra_kv={"attention.sliding_window": ("u32", 8)},
    ),
}

# Quantized variants: (source model, llama ftype, output name)
QUANTIZED = [
    ("qwen3-s7-f32", LLAMA_FTYPE_MOSTLY_Q8_0, "qwen3-s7-q8_0"),
    ("qwen3-s7-f32", LLAMA_FTYPE_MOSTLY_Q4_K_M, "qwen3-s7-q4_k_m-mix"),
    ("gemma3-s7-f16", LLAMA_FTYPE_MOSTLY_Q8_0, "gemma3-s7-q8_0"),
    ("gemma3-s7-f16", LLAMA_FTYPE_MOSTLY_Q4_K_M, "gemma3-s7-q4_k_m-mix"),
]


# --------------------------------------------------------------------------------------
# Step 1: writing the GGUF models
# --------------------------------------------------------------------------------------

def copy_tokenizer_keys(writer: gguf.GGUFWriter, source_path: str) -> int:
    """Copy every `tokenizer.*` key/value (scalars and arrays) from another GGUF file."""
    reader = gguf.GGUFReader(source_path)
    copied = 0
    for name, field in reader.fields.items():
        if not name.startswith("tokenizer."):
            continue
        vtype = field.types[0]
        # For arrays, field.types is [ARRAY, element type]; contents() gives a Python list.
        sub_type = field.types[1] if vtype == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(name, field.contents(), vtype, sub_type=sub_type)
        copied += 1
    return copied


def write_model(path: str, spec: dict, tokenizer_source: str) -> None:
    """Write one tiny random-weight model.

    Numpy shapes are [rows, cols] = GGML's {ne0, ne1} reversed: a weight that llama.cpp
    declares as {n_in, n_out} is a numpy array of shape (n_out, n_in), i.e. one row per
    output feature, and y = W x.
    """
    arch = spec["arch"]
    n_layer = spec["n_layer"]
    wdt = spec["weight_dtype"]
    rng = np.random.default_rng(SEED)

    def weight(n_out: int, n_in: int) -> np.ndarray:
        w = rng.normal(0.0, WEIGHT_STD, size=(n_out, n_in)).astype(np.float32)
        return w.astype(wdt)

    def norm(n: int) -> np.ndarray:
        # Norm weights stay F32 (as llama.cpp's own converter and quantizer keep 1-D tensors)
        return (1.0 + rng.normal(0.0, NORM_STD, size=(n,))).astype(np.float32)

    writer = gguf.GGUFWriter(path, arch)

    # --- metadata --------------------------------------------------------------------
    writer.add_string("general.name", os.path.basename(path)[: -len(".gguf")])
    writer.add_uint32("general.file_type", spec["file_type"])
    writer.add_uint32(f"{arch}.context_length", N_CTX_TRAIN)
    writer.add_uint32(f"{arch}.embedding_length", N_EMBD)
    writer.add_uint32(f"{arch}.block_count", n_layer)
    writer.add_uint32(f"{arch}.feed_forward_length", N_FF)
    writer.add_uint32(f"{arch}.attention.head_count", N_HEAD)
    writer.add_uint32(f"{arch}.attention.head_count_kv", N_HEAD_KV)
    # head dim given explicitly; llama.cpp's default would be n_embd / n_head = 32
    writer.add_uint32(f"{arch}.attention.key_length", HEAD_DIM)
    writer.add_uint32(f"{arch}.attention.value_length", HEAD_DIM)
    writer.add_float32(f"{arch}.attention.layer_norm_rms_epsilon", RMS_EPS)
    writer.add_float32(f"{arch}.rope.freq_base", ROPE_BASE)
    # (no rope.dimension_count: llama.cpp defaults n_rot to key_length, = 64 here)
    for key, (kind, value) in spec["extra_kv"].items():
        if kind == "u32":
            writer.add_uint32(f"{arch}.{key}", value)
        elif kind == "f32":
            writer.add_float32(f"{arch}.{key}", value)
        else:
            raise ValueError(kind)
    n_tok_keys = copy_tokenizer_keys(writer, tokenizer_source)
    n_vocab = len(gguf.GGUFReader(tokenizer_source).fields["tokenizer.ggml.tokens"].data)

    # --- tensors ---------------------------------------------------------------------
    # Generated in a fixed order so that the same seed always gives the same weights.
    q_dim = N_HEAD * HEAD_DIM       # 256
    kv_dim = N_HEAD_KV * HEAD_DIM   # 128
    writer.add_tensor("token_embd.weight", weight(n_vocab, N_EMBD))
    for i in range(n_layer):
        p = f"blk.{i}."
        writer.add_tensor(p + "attn_norm.weight", norm(N_EMBD))
        writer.add_tensor(p + "attn_q.weight", weight(q_dim, N_EMBD))
        writer.add_tensor(p + "attn_k.weight", weight(kv_dim, N_EMBD))
        writer.add_tensor(p + "attn_v.weight", weight(kv_dim, N_EMBD))
        writer.add_tensor(p + "attn_output.weight", weight(N_EMBD, q_dim))
        # per-head RMS norms over head_dim, shared by all heads of Q (resp. K)
        writer.add_tensor(p + "attn_q_norm.weight", norm(HEAD_DIM))
        writer.add_tensor(p + "attn_k_norm.weight", norm(HEAD_DIM))
        if spec["post_norms"]:
            # llama.cpp's GGUF names for gemma's attn_post_norm / ffn_post_norm
            writer.add_tensor(p + "post_attention_norm.weight", norm(N_EMBD))
        writer.add_tensor(p + "ffn_norm.weight", norm(N_EMBD))
        writer.add_tensor(p + "ffn_gate.weight", weight(N_FF, N_EMBD))
        writer.add_tensor(p + "ffn_up.weight", weight(N_FF, N_EMBD))
        writer.add_tensor(p + "ffn_down.weight", weight(N_EMBD, N_FF))
        if spec["post_norms"]:
            writer.add_tensor(p + "post_ffw_norm.weight", norm(N_EMBD))
    writer.add_tensor("output_norm.weight", norm(N_EMBD))
    if not spec["tied_output"]:
        writer.add_tensor("output.weight", weight(n_vocab, N_EMBD))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    print(f"wrote {path} ({os.path.getsize(path)} bytes, {n_tok_keys} tokenizer keys copied)")


# --------------------------------------------------------------------------------------
# llama.cpp access (imported lazily so that --help works without it)
# --------------------------------------------------------------------------------------

_llama = None
_log_cb = None  # keep the ctypes callback alive for the life of the process


def llama(verbose: bool = False):
    global _llama, _log_cb
    if _llama is None:
        import llama_cpp  # noqa: WPS433 (lazy import on purpose)
        _llama = llama_cpp
        if not verbose:
            # swallow llama.cpp's log output
            _log_cb = llama_cpp.llama_log_callback(lambda level, text, user: None)
            llama_cpp.llama_log_set(_log_cb, ctypes.c_void_p(0))
        llama_cpp.llama_backend_init()
    return _llama


def quantize(src: str, dst: str, ftype: int, threads: int) -> None:
    """Quantize with llama.cpp's own quantizer (same as the llama-quantize tool)."""
    lc = llama()
    params = lc.llama_model_quantize_default_params()
    params.ftype = ftype
    params.nthread = threads
    rc = lc.llama_model_quantize(src.encode(), dst.encode(), ctypes.byref(params))
    if rc != 0:
        raise RuntimeError(f"llama_model_quantize({src} -> {dst}) failed: {rc}")
    print(f"wrote {dst} ({os.path.getsize(dst)} bytes)")


def reference_logits(model_path: str, tokens: list[int], threads: int, kv_type: int = GGML_TYPE_F32) -> np.ndarray:
    """Feed `tokens` one at a time (position i = index i) and collect the logits after each.

    CPU only (no layers offloaded), K and V cache of `kv_type` (F32 unless asked otherwise), flash attention off, one token per
    llama_decode call (n_batch = n_ubatch = 1), a single sequence.
    """
    lc = llama()
    mparams = lc.llama_model_default_params()
    mparams.n_gpu_layers = 0
    model = lc.llama_model_load_from_file(model_path.encode(), mparams)
    if not model:
        raise RuntimeError(f"llama.cpp could not load {model_path}")

    cparams = lc.llama_context_default_params()
    cparams.n_ctx = 256                # >= 64 tokens
    cparams.n_batch = 1
    cparams.n_ubatch = 1
    cparams.n_seq_max = 1
    cparams.n_threads = threads
    cparams.n_threads_batch = threads
    cparams.type_k = kv_type
    cparams.type_v = kv_type
    cparams.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED
    cparams.offload_kqv = False
    ctx = lc.llama_init_from_model(model, cparams)
    if not ctx:
        raise RuntimeError(f"llama.cpp could not create a context for {model_path}")

    n_vocab = lc.llama_vocab_n_tokens(lc.llama_model_get_vocab(model))
    out = np.empty((len(tokens), n_vocab), dtype=np.float32)

    batch = lc.llama_batch_init(1, 0, 1)
    try:
        for pos, tok in enumerate(tokens):
            batch.n_tokens = 1
            batch.token[0] = tok
            batch.pos[0] = pos            # explicit position
            batch.n_seq_id[0] = 1
            batch.seq_id[0][0] = 0
            batch.logits[0] = 1           # we want this token's logits
            rc = lc.llama_decode(ctx, batch)
            if rc != 0:
                raise RuntimeError(f"llama_decode failed at position {pos}: {rc}")
            row = lc.llama_get_logits_ith(ctx, 0)
            out[pos] = np.ctypeslib.as_array(row, shape=(n_vocab,))
    finally:
        lc.llama_batch_free(batch)
        lc.llama_free(ctx)
        lc.llama_model_free(model)
    return out


def read_tokens(path: str) -> list[int]:
    with open(path) as f:
        return [int(t) for t in f.read().split()]


def write_logits(path: str, logits: np.ndarray) -> None:
    logits.astype("<f4").tofile(path)  # little-endian float32, row-major [n_tokens][n_vocab]
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


def sanity_check(name: str, logits: np.ndarray) -> None:
    """Fail loudly on obviously broken output: non-finite values or positions that agree."""
    if not np.all(np.isfinite(logits)):
        raise RuntimeError(f"{name}: non-finite logits")
    # every position must differ from the previous one
    step = np.abs(np.diff(logits, axis=0)).max(axis=1)
    if step.min() <= 1e-6:
        raise RuntimeError(f"{name}: logits of consecutive positions are identical")
    print(f"  {name}: range [{logits.min():.4f}, {logits.max():.4f}], std {logits.std():.4f}, "
          f"min position-to-position max|diff| {step.min():.4f}, "
          f"distinct argmax {len(set(logits.argmax(axis=1)))}/{len(logits)}")


def check_llama(tokens: list[int], threads: int) -> float:
    """Cross-check of the logits step itself against an existing reference file."""
    got = reference_logits(CHECK_MODEL, tokens, threads)
    want = np.fromfile(CHECK_LOGITS, dtype="<f4").reshape(got.shape)
    diff = np.abs(got - want)
    print(f"llama cross-check vs {CHECK_LOGITS}: max abs diff {diff.max():.3g}, "
          f"mean abs diff {diff.mean():.3g}, argmax agreement "
          f"{(got.argmax(1) == want.argmax(1)).mean() * 100:.1f}%")
    return float(diff.max())


# --------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output dir (models/ and logits/ inside)")
    ap.add_argument("--seq", default=DEFAULT_SEQ, help="file with the token ids (whitespace separated)")
    ap.add_argument("--tokenizer-from", default=DEFAULT_TOKENIZER_SOURCE,
                    help="GGUF file whose tokenizer.* keys are copied")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--check-llama", action="store_true",
                    help="only rerun the logits step on the shared llama-s7-f32 fixture and compare")
    ap.add_argument("--no-q4km", action="store_true", help="skip the Q4_K_M mixes")
    ap.add_argument("--verbose", action="store_true", help="show llama.cpp's log")
    args = ap.parse_args()

    tokens = read_tokens(args.seq)
    llama(args.verbose)
    import llama_cpp
    print(f"llama-cpp-python {llama_cpp.__version__}; {lc_system_info()}")

    if args.check_llama:
        check_llama(tokens, args.threads)
        return 0

    models_dir = os.path.join(args.out, "models")
    logits_dir = os.path.join(args.out, "logits")
    os.makedirs(models_dir, exist_ok=True)
    os.makedirs(logits_dir, exist_ok=True)

    names = []
    for name, spec in MODELS.items():
        write_model(os.path.join(models_dir, name + ".gguf"), spec, args.tokenizer_from)
        names.append(name)
    for src, ftype, name in QUANTIZED:
        if args.no_q4km and ftype == LLAMA_FTYPE_MOSTLY_Q4_K_M:
            continue
        quantize(os.path.join(models_dir, src + ".gguf"),
                 os.path.join(models_dir, name + ".gguf"), ftype, args.threads)
        names.append(name)

    for name in names:
        logits = reference_logits(os.path.join(models_dir, name + ".gguf"), tokens, args.threads)
        write_logits(os.path.join(logits_dir, f"{name}.seqA.f32"), logits)
        sanity_check(name, logits)

    # list what each file holds (tensor types), to help whoever writes tests against them
    for name in names:
        reader = gguf.GGUFReader(os.path.join(models_dir, name + ".gguf"))
        kinds: dict[str, list[str]] = {}
        for t in reader.tensors:
            kinds.setdefault(t.tensor_type.name, []).append(t.name)
        summary = ", ".join(f"{k}: {len(v)}" for k, v in sorted(kinds.items()))
        print(f"  {name}: {summary}")
    return 0


def lc_system_info() -> str:
    return llama().llama_print_system_info().decode(errors="replace").strip()


if __name__ == "__main__":
    sys.exit(main())
