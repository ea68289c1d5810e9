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

  /**
   * Trains {@code classifier} (its options set) on {@code rows}.
   *
   * @param rows each row: one value per attribute of {@code header}, in its order (numbers; a
   *     nominal attribute's value index), then a null, then the row's weight when
   *     {@code weighted} (finite and >= 0)
   * @param header the attributes, the class set
   * @param source how a message names the data
   * @throws BadInputException when the rows cannot be trained on (no row, no class value), with
   *     a message naming {@code source}
   */
  public static void train(JavaRDD<Row> rows, Instances header, boolean weighted,
      PolynomialNetwork classifier, String source) throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(rows.context());
    Path tempCheckpoints = TrainOnSpark.checkpoints(sc, null, null);
    try {
      int partitions = Math.max(1, Math.min(rows.getNumPartitions(),
          2 * sc.defaultParallelism()));
      TrainingData data = TrainingData.prepare(rows, header, source, source, "",
          weighted ? "weightCol" : null,
          partitions, "");
      if (data.constantModel()) {
        data.buildConstant(classifier);
        return;
      }
      try (SparkRowBlocks blocks = new SparkRowBlocks(sc, data.blocks,
          data.converter.columns(), data.rows)) {
        data.fit(classifier, blocks);
      }
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
