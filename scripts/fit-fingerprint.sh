#!/usr/bin/env bash
# Fit fingerprint: checks that a change leaves every fit bit for bit unchanged, by diffing this script's output before and after it.
# Prints, for planted problems under many settings, every trace record at 17 digits, a hash of every bit of the model and
# the passes by kind; nothing time-dependent goes to stdout (seconds per configuration go to stderr), so two runs of the
# same code print the same text. About 1.5 to 2 minutes on 2 cores (5200 lines).
# Usage: scripts/fit-fingerprint.sh [label ...] > fingerprint.txt   (labels a ... q select configurations; default all)
# Extra JVM options (e.g. --add-modules jdk.incubator.vector for the Vector API kernel) in FINGERPRINT_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
# Maven's output (even -q prints colour resets) goes to stderr: stdout is the fingerprint alone
mvn -q -B test-compile >&2
# the classpath goes to a file: written to /dev/stdout it comes with Maven's colour codes glued to
# its first and last entries
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/fit-fingerprint.classpath \
  -Dmdep.includeScope=test >&2
CP=target/classes:target/test-classes:$(cat target/fit-fingerprint.classpath)
# shellcheck disable=SC2086
exec java -Xmx4g ${FINGERPRINT_JAVA_OPTS:-} -cp "$CP" polynomialnetwork.bench.FitFingerprint "$@"
