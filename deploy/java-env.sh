#!/usr/bin/env bash
# Finds a JDK 25 for dreamloop's scripts: JAVA_HOME if it is 25 or newer, else a Temurin 25 under
# /usr/lib/jvm. Exports JAVA_HOME and JAVA.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 25 ]; then
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /opt/java/openjdk; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 25 ]; then
      JAVA_HOME=$candidate
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 25 ]; then
  echo "dreamloop needs JDK 25 (Temurin): set JAVA_HOME to it" >&2
  exit 1
fi
export JAVA_HOME
export JAVA="$JAVA_HOME/bin/java"

# glibc malloc, tuned for PyTorch's CPU tensors. With glibc's defaults every batch's large tensors
# are mmap'ed and unmapped again (or trimmed off the heap), so the next batch faults every page
# back in: on a 2-core VM, ~27 munmap calls per DREAM-RNN LSTM pass and a sixth of the process's
# CPU time in page faults. These keep freed memory in the heap for reuse: allocations up to 32 MiB
# come from the heap, which gives memory back only past 1 GiB of free top and grows 64 MiB at a
# time. `./dreamloop bench architectures` was faster on all 18 rows (the README's "Speed and
# memory beside PyTorch"). The service images set the same values (platform's
# microprofile-config.properties, quarkus.jib.environment-variables; ManifestsTest compares them).
# Set any of them to override.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-67108864}"
