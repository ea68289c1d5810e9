package polynomialnetwork.spark;

import java.nio.file.Path;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * Training on rows that are already typed (the Spark ML estimators' DataFrame): the same
 * preparation as {@link TrainOnSpark} ({@link TrainingData}: the converter and the cached
 * standardized row blocks, built on the executors) and the same fit through the same seam
 * ({@link SparkRowBlocks}, then the classifier's own {@code buildClassifier} or
 * {@code buildNominal}).
 */
public final class DataFrameTraining {

  private DataFrameTraining() {
  }

  /** What to do with rows marked invalid (a mask last in each row). */
  public interface InvalidRows {
    /**
     * Refuses the rows (throws, naming what is invalid in how many rows) or accepts leaving the
     * invalid ones out.
     *
     * @param rows all rows read
     * @param invalid rows marked invalid: in all, with an invalid input value, class value,
     *     weight
     * @return a sentence for the model text about the rows left out, or null
     */
    String check(long rows, long[] invalid);
  }

  /**
   * Trains {@code classifier} (its options set) on {@code rows}.
   *
   * @param rows each row: one value per attribute of {@code header}, in its order (numbers; a
   *     nominal attribute's value index), then a null, then the row's weight when
   *     {@code weighted} (finite and >= 0)
   * @param header the attributes, the class set
   * @param source how a message names the data
   * @throws IllegalArgumentException when the rows cannot be trained on (no row, no class
   *     value), with a message naming {@code source}
   */
  public static void train(JavaRDD<Row> rows, Instances header, boolean weighted,
      PolynomialNetwork classifier, String source) throws Exception {
    train(rows, header, weighted, classifier, source, null);
  }

  /**
   * The same, each row carrying last (after the weight, if any) a mask of what is invalid in it
   * (bit 1: an input value, 2: the class value, 4: the weight; 0 or null: nothing), computed
   * where the rows were made: the invalid rows are counted in the one read of the rows and left
   * out, and {@code invalidRows} refuses them or accepts leaving them out (its sentence then
   * goes to the model text).
   */
  public static void train(JavaRDD<Row> rows, Instances header, boolean weighted,
      PolynomialNetwork classifier, String source, InvalidRows invalidRows) throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(rows.context());
    Path tempCheckpoints = TrainOnSpark.checkpoints(sc, null, null);
    try {
      int partitions = Math.max(1, Math.min(rows.getNumPartitions(),
          2 * sc.defaultParallelism()));
      TrainingData data = TrainingData.prepare(rows, header, source, source, "",
          weighted ? "weightCol" : null, partitions, "", invalidRows);
      if (data.constantModel()) {
        data.buildConstant(classifier);
      } else {
        try (SparkRowBlocks blocks = new SparkRowBlocks(sc, data.blocks,
            data.converter.columns(), data.rows)) {
          data.fit(classifier, blocks);
        }
      }
      classifier.noteOnTrainingData(data.invalidNote);
    } catch (SparkException e) {
      BadInputException bad = TrainOnSpark.badInputIn(e);
      throw bad != null ? bad : e;
    } finally {
      if (tempCheckpoints != null) {
        TrainOnSpark.deleteTree(tempCheckpoints.toFile());
      }
    }
  }
}
