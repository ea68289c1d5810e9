#!/usr/bin/env bash
# Regenerates the planted sets of test-data/classification/ (planted-binary-quadratic,
# planted-binary-boundary, planted-3class; seeded, byte for byte) with PlantedClassificationArff.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
exec java -cp target/classes:target/test-classes polynomialnetwork.weka.PlantedClassificationArff \
  test-data/classification
