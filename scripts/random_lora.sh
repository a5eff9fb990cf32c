#!/usr/bin/env bash
# Test tooling: writes a reproducible random LoRA adapter for a model (scripts/RandomLora.java says how).
# usage: scripts/random_lora.sh MODEL.gguf OUT.lora.gguf [RANK=8] [B_STD=0.01] [SEED=42]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
"$root/gannet" --version >/dev/null   # builds bench/target/gannet.jar when it is missing or stale
. "$root/.mvn/find-jdk.sh"
gannet_find_jdk
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$root/bench/target/gannet.jar" \
    "$root/scripts/RandomLora.java" "$@" 2>&1 | grep -v '^WARNING: Using incubator modules'
exit "${PIPESTATUS[0]}"
