package polynomialnetwork.spark;

import org.apache.spark.sql.SparkSession;

/** A small local Spark for a test class (Spark's own Java tests do the same). */
final class SparkSessions {

  private SparkSessions() {
  }

  /**
   * @param master e.g. local[2], or local[2,4] to retry a failed task up to 4 times
   */
  static SparkSession local(String master) {
    SparkSession s = SparkSession.builder().master(master).appName("polynomialNetwork-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        // small input splits, so that even the test files are read as several partitions
        .config("spark.sql.files.maxPartitionBytes", "65536")
        .config("spark.sql.files.openCostInBytes", "0")
        .getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }

  static void stop(SparkSession s) {
    if (s != null) {
      s.stop();
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
