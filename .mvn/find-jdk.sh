# Sourced by ./gannet and ./mvnw: points JAVA_HOME at a JDK >= 25.
# Order: JAVA_HOME if it is new enough, then a Temurin 25+ under /usr/lib/jvm, then any JDK there.
gannet_java_major() {
  # The JDK's release file names its version without starting a JVM (that costs ~70 ms on every launch);
  # a JDK without one is asked.
  release_major=""
  if [ -f "$1/release" ]; then
    release_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1)
  fi
  if [ -n "$release_major" ]; then
    echo "$release_major"
    return
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
gannet_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(gannet_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 25 ] 2>/dev/null && return 0
  fi
  # find, not a glob: ./mvnw runs with globbing off (set -f).
  for candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -r); do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(gannet_java_major "$candidate")
    if [ "${major:-0}" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"; export JAVA_HOME; return 0
    fi
  done
  echo "gannet: needs a JDK 25 or newer (found none in JAVA_HOME or /usr/lib/jvm)." >&2
  echo "gannet: install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium repository), or set JAVA_HOME to it." >&2
  return 1
}
