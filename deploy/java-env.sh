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
