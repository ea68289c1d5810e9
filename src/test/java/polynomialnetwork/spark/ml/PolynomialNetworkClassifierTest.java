package polynomialnetwork.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.data.DesignMatrix;

/**
 * PolynomialNetworkClassifier in a Spark ML pipeline (local[2]) on planted quadratic-logistic
 * data (p = 10, r = 2, m = 3000, scale 2): StringIndexer's labels become the classes, the
 * probabilities sum to 1, the accuracy on new rows is within 2 points of the Bayes classifier's,
 * and a saved and loaded PipelineModel predicts the same to the bit.
 */
class PolynomialNetworkClassifierTest {

  static final int P = 10;
  static SparkSession spark;

  @TempDir
  static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2]").appName("polynomialNetwork-ml-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  /** The rows x0..x9 and a text label, "yes" for class 1 and "no" for class 0. */
  static Dataset<Row> frame(DesignMatrix d) {
    List<StructField> fields = new ArrayList<>();
    String[] names = new String[P];
    for (int j = 0; j < P; j++) {
      names[j] = "x" + j;
      fields.add(DataTypes.createStructField(names[j], DataTypes.DoubleType, false));
    }
    fields.add(DataTypes.createStructField("answer", DataTypes.StringType, false));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < d.rows(); i++) {
      Object[] v = new Object[P + 1];
      double[] x = d.row(i);
      for (int j = 0; j < P; j++) {
        v[j] = x[j];
      }
      v[P] = d.target()[i] == 1 ? "yes" : "no";
      rows.add(RowFactory.create(v));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields)).repartition(2);
  }

  @Test
  void pipelineClassifiesPlantedDataNearBayesAndSavesAndLoads() throws Exception {
    PlantedClassification data = PlantedClassification.of(P, 2, 3000, 2000, 2, 2, true, false,
        7);
    String[] inputs = new String[P];
    for (int j = 0; j < P; j++) {
      inputs[j] = "x" + j;
    }
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        new StringIndexer().setInputCol("answer").setOutputCol("label")
            .setStringOrderType("alphabetAsc"),
        new VectorAssembler().setInputCols(inputs).setOutputCol("features"),
        // no validation split and 12 iterations: one short fit, which keeps the test short
        new PolynomialNetworkClassifier().setRank(2).setValidationFraction(0).setMaxIter(12)});
    long start = System.nanoTime();
    PipelineModel model = pipeline.fit(frame(data.train));
    Dataset<Row> test = frame(data.test).cache();
    Dataset<Row> predicted = model.transform(test).cache();

    PolynomialNetworkClassificationModel net =
        (PolynomialNetworkClassificationModel) model.stages()[2];
    assertEquals(2, net.numClasses());
    assertEquals("no", net.wekaHeader().classAttribute().value(0));
    assertEquals("yes", net.wekaHeader().classAttribute().value(1));

    List<Row> rows = predicted.select("label", "prediction", "probability", "rawPrediction")
        .collectAsList();
    int right = 0;
    for (Row r : rows) {
      Vector prob = r.getAs(2);
      assertEquals(1.0, prob.apply(0) + prob.apply(1), 1e-12);
      assertEquals(prob.argmax(), (int) r.getDouble(1));
      right += r.getDouble(0) == r.getDouble(1) ? 1 : 0;
    }
    double accuracy = right / (double) rows.size();
    double bayes = data.bayesAccuracy();
    System.out.printf("accuracy %.4f, Bayes %.4f (%.1f s, %d iterations)%n", accuracy, bayes,
        (System.nanoTime() - start) / 1e9, (int) net.wekaModel().getMeasure("measureNumIterations"));
    assertTrue(accuracy >= bayes - 0.015, "accuracy " + accuracy + ", Bayes " + bayes);

    String saved = dir.resolve("classifier-pipeline").toString();
    model.write().overwrite().save(saved);
    List<Row> again = PipelineModel.load(saved).transform(test)
        .select("probability").collectAsList();
    for (int i = 0; i < rows.size(); i++) {
      Vector a = rows.get(i).getAs(2);
      Vector b = again.get(i).getAs(0);
      assertEquals(Double.doubleToLongBits(a.apply(1)), Double.doubleToLongBits(b.apply(1)));
    }
    predicted.unpersist();
    test.unpersist();
  }
}
