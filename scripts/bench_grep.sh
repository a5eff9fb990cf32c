#!/usr/bin/env bash
# Benchmark tooling: times Gannet's grep tool against ripgrep on a large source tree and prints a
# Markdown table (the README's "grep against ripgrep" numbers come from this script).
#
#   scripts/bench_grep.sh [TREE] [RUNS]
#
# TREE defaults to tools/target/grep-bench: the JDK's own sources (lib/src.zip of the JDK that
# builds Gannet), unpacked twice, about 430 MB in 30,000 files, made a git repository with a
# .gitignore so both tools skip the same directory. Needs ripgrep (apt-get install ripgrep).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
gannet_find_jdk || exit 1
command -v rg >/dev/null || { echo "bench_grep: ripgrep is missing (apt-get install ripgrep)" >&2; exit 1; }

tree="${1:-$root/tools/target/grep-bench}"
runs="${2:-5}"
if [ ! -d "$tree/.git" ]; then
  src="$JAVA_HOME/lib/src.zip"
  [ -f "$src" ] || { echo "bench_grep: $src is missing; pass a TREE to search instead" >&2; exit 1; }
  echo "bench_grep: unpacking $src twice into $tree ..." >&2
  rm -rf "$tree" && mkdir -p "$tree"
  for copy in a b; do
    mkdir -p "$tree/$copy" && unzip -q "$src" -d "$tree/$copy"
  done
  # One ignored directory (a whole module), so the ignore rules are part of the work.
  printf '%s\n' 'b/java.desktop/' > "$tree/.gitignore"
  git -C "$tree" init -q .
fi

./mvnw -q -B -pl tools test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
"$JAVA_HOME/bin/java" -cp "tools/target/classes:tools/target/test-classes:$(cat tools/target/bench-classpath.txt)" \
  dev.gannet.tools.bench.GrepBenchmark "$tree" "$runs"
