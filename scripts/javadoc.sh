#!/usr/bin/env bash
# Regenerates the API documentation doc/api/ (javadoc of src/main/java; not part of the default build).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pn-javadoc.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mvn -B -q dependency:build-classpath -DincludeScope=compile -DexcludeTypes=pom \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
mvn -B -q dependency:build-classpath -DincludeScope=provided -DexcludeTypes=pom \
  -Dmdep.outputFile="$WORK/cp2.txt" >/dev/null
rm -rf doc/api
javadoc -quiet -Xdoclint:none -encoding UTF-8 -charset UTF-8 -notimestamp \
  -windowtitle "polynomialNetwork API" -doctitle "polynomialNetwork API" \
  -cp "$(cat "$WORK/cp.txt"):$(cat "$WORK/cp2.txt")" -sourcepath src/main/java -d doc/api \
  -subpackages polynomialnetwork weka.classifiers.functions
echo "wrote doc/api ($(find doc/api -name '*.html' | wc -l) pages)"
