#!/usr/bin/env bash
# Multi-seed acceptance sweeps of the engine: 10 seeds per configuration.
# Usage: scripts/acceptance-sweep.sh [all|exact|small|noise|linear|kappa|nongauss|rank]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
CP=target/classes:target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -Xmx4g -cp "$CP" polynomialnetwork.bench.AcceptanceSweep "${1:-all}"
