package polynomialnetwork.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class with one local[2] Spark session and a temporary folder for its files. */
abstract class LocalSparkTest {

  static SparkSession spark;

  @TempDir
  static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.local("local[2]");
  }

  @AfterAll
  static void stopSpark() {
    SparkSessions.stop(spark);
  }
}
