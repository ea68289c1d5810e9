#!/usr/bin/env bash
# Regenerates test-data/planted-p20-r3-{train,test}.arff (seeded, byte for byte).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
exec java -cp target/test-classes polynomialnetwork.weka.PlantedArff test-data
