#!/usr/bin/env bash
# Writes to $1 the class path of Weka as a Weka user has it: weka-stable (the version in pom.xml)
# and its own run-time dependencies, nothing else. The project's "provided" scope also holds
# Apache Spark (for the Spark back end), which a Weka installation does not have: a script that
# ran Weka on that class path could pass where a real Weka fails.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"
version=$(grep -o '<weka.version>[^<]*' pom.xml | sed 's/<weka.version>//')
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>weka-classpath</artifactId><version>1</version>
  <dependencies>
    <dependency>
      <groupId>nz.ac.waikato.cms.weka</groupId><artifactId>weka-stable</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
</project>
POM
mvn -B -q -f "$dir/pom.xml" dependency:build-classpath -DexcludeTypes=pom \
  -Dmdep.outputFile="$out" >/dev/null
