package polynomialnetwork.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * The same data trained inside Weka and through TrainOnSpark in {@code local[2]} (with several
 * partitions) gives the same fit: the same number of iterations and predictions equal to 1e-9
 * relative, with the default options and with the rank chosen by validation ({@code -N 0}).
 */
class SparkEquivalenceTest extends LocalSparkTest {

  /** Trains both ways and compares; returns the Spark model. */
  static PolynomialNetwork assertSameFit(Instances data, Path csv, Path header, int partitions,
      String... options) throws Exception {
    PolynomialNetwork inWeka = new PolynomialNetwork();
    inWeka.setOptions(options.clone());
    inWeka.buildClassifier(data);

    Path model = dir.resolve(csv.getFileName() + "-" + String.join("", options) + ".model");
    // the Weka-trained model as the Explorer saves one, for the comparisons in Weka below
    SerializationHelper.writeAll(model + ".weka", new Object[] {inWeka, new Instances(data, 0)});
    List<String> args = new ArrayList<>(Arrays.asList("--input", csv.toString(), "--model",
        model.toString()));
    if (partitions > 0) {
      args.addAll(Arrays.asList("--partitions", Integer.toString(partitions)));
    }
    if (header != null) {
      args.addAll(Arrays.asList("--header", header.toString()));
    }
    args.add("--");
    args.addAll(Arrays.asList(options));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(args.toArray(new String[0]), new PrintStream(out, true),
        new PrintStream(err, true));
    assertEquals(0, status, () -> new String(err.toByteArray(), StandardCharsets.UTF_8));
    assertTrue(new String(out.toByteArray(), StandardCharsets.UTF_8).contains("Hidden units"));
    String progress = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(progress.contains(", " + Math.max(1, partitions) + " partitions;"), progress);

    Object[] saved = SerializationHelper.readAll(model.toString());
    PolynomialNetwork onSpark = (PolynomialNetwork) saved[0];
    Instances savedHeader = (Instances) saved[1];
    assertEquals(null, savedHeader.equalHeadersMsg(new Instances(data, 0)));
    assertEquals(inWeka.getMeasure("measureNumIterations"),
        onSpark.getMeasure("measureNumIterations"), "iterations");
    assertEquals(inWeka.getMeasure("measureNumSampledIterations"),
        onSpark.getMeasure("measureNumSampledIterations"), "iterations on row samples");
    assertEquals(inWeka.getMeasure("measureNumHiddenUnits"),
        onSpark.getMeasure("measureNumHiddenUnits"), "hidden units");
    double scale = 0;
    double largestDifference = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      scale = Math.max(scale, Math.abs(inWeka.classifyInstance(data.instance(i))));
      largestDifference = Math.max(largestDifference, Math.abs(
          inWeka.classifyInstance(data.instance(i)) - onSpark.classifyInstance(data.instance(i))));
    }
    // one row of the equivalence table (in the test output)
    System.out.printf(java.util.Locale.ROOT, "equivalence | %s | %s | %d partitions | "
        + "iterations %d / %d (+ %d / %d on row samples) | hidden units %d / %d | max |diff| / "
        + "max |prediction| %.2e%n",
        csv.getFileName(), String.join(" ", options), Math.max(1, partitions),
        (int) inWeka.getMeasure("measureNumIterations"),
        (int) onSpark.getMeasure("measureNumIterations"),
        (int) inWeka.getMeasure("measureNumSampledIterations"),
        (int) onSpark.getMeasure("measureNumSampledIterations"),
        (int) inWeka.getMeasure("measureNumHiddenUnits"),
        (int) onSpark.getMeasure("measureNumHiddenUnits"), largestDifference / scale);
    for (int i = 0; i < data.numInstances(); i++) {
      double a = inWeka.classifyInstance(data.instance(i));
      double b = onSpark.classifyInstance(data.instance(i));
      assertEquals(a, b, 1e-9 * scale, "prediction for instance " + (i + 1));
    }
    return onSpark;
  }

  @Test
  void plantedWithLinearTermAndNoise() throws Exception {
    Instances data = SparkTestData.planted(20_000, 50, 3, 0.1, 11);
    Path csv = SparkTestData.csv(data, dir.resolve("planted.csv"), "?");
    // several partitions: sums merged across partitions agree with Weka's to rounding; 20 000
    // rows are enough for the first iterations to run on row samples (both ways the same rows)
    PolynomialNetwork onSpark = assertSameFit(data, csv, null, 3, "-S", "3");
    assertTrue(onSpark.getMeasure("measureNumSampledIterations") > 0, onSpark.toString());
    assertTrue(onSpark.toString().contains("on seeded samples"), onSpark.toString());
    assertSameFit(data, csv, null, 3, "-S", "3", "-N", "0");
  }

  @Test
  void cpuWithVendorNominalUnderItsHeader() throws Exception {
    Instances data = SparkTestData.arff("test-data/cpu.with.vendor.arff");
    Path csv = SparkTestData.csv(data, dir.resolve("cpu.with.vendor.csv"), "");
    Path header = SparkTestData.header(data, dir.resolve("cpu.with.vendor.arff"));
    // small data train on one partition, where every sum is Weka's own: cpu.with.vendor's fit
    // runs to the iteration limit on a nearly singular problem (indicator columns of one or two
    // rows), where rounding differences would grow into different iterates
    assertSameFit(data, csv, header, 0, "-S", "1");
    assertSameFit(data, csv, header, 0, "-S", "1", "-N", "0");

    // the model file loads in Weka and evaluates exactly as the Weka-trained one: what
    // weka.Run weka.classifiers.functions.PolynomialNetwork -l MODEL -T cpu.with.vendor.arff prints
    Path sparkModel = dir.resolve("cpu.with.vendor.csv--S1.model");
    String fromSpark = weka.classifiers.Evaluation.evaluateModel(new PolynomialNetwork(),
        new String[] {"-l", sparkModel.toString(), "-T", "test-data/cpu.with.vendor.arff", "-o"});
    String fromWeka = weka.classifiers.Evaluation.evaluateModel(new PolynomialNetwork(),
        new String[] {"-l", sparkModel + ".weka", "-T", "test-data/cpu.with.vendor.arff", "-o"});
    assertTrue(fromSpark.contains("Root mean squared error"), fromSpark);
    assertEquals(withoutTimes(fromWeka), withoutTimes(fromSpark));
  }

  private static String withoutTimes(String evaluation) {
    return evaluation.replaceAll("(?m)^Time taken.*$", "");
  }

  @Test
  void parquetWithTypedColumnsAndNulls() throws Exception {
    Instances data = SparkTestData.withMissing(SparkTestData.planted(3_000, 8, 2, 0.05, 17),
        0.02, 3);
    java.util.List<org.apache.spark.sql.types.StructField> fields = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      fields.add(org.apache.spark.sql.types.DataTypes.createStructField(
          data.attribute(a).name(), org.apache.spark.sql.types.DataTypes.DoubleType, true));
    }
    java.util.List<org.apache.spark.sql.Row> rows = new ArrayList<>();
    for (weka.core.Instance inst : data) {
      Object[] v = new Object[data.numAttributes()];
      for (int a = 0; a < v.length; a++) {
        v[a] = inst.isMissing(a) ? null : inst.value(a);
      }
      rows.add(org.apache.spark.sql.RowFactory.create(v));
    }
    Path parquet = dir.resolve("planted.parquet");
    spark.createDataFrame(rows, org.apache.spark.sql.types.DataTypes.createStructType(fields))
        .coalesce(1).write().parquet(parquet.toString());
    // typed numeric columns: no header and no pass to find the column kinds; nulls are missing
    assertSameFit(data, parquet, null, 0, "-S", "4", "-I", "30");
  }

  @Test
  void missingValuesReplacedAsWekaDoes() throws Exception {
    Instances data = SparkTestData.withMissing(SparkTestData.arff("test-data/cpu.arff"), 0.1, 5);
    Path csv = SparkTestData.csv(data, dir.resolve("cpu-missing.csv"), "?");
    // no header: every column of cpu.arff is numeric, so the inferred header is Weka's own
    assertSameFit(data, csv, null, 0, "-S", "2");
    assertSameFit(data, csv, null, 0, "-S", "2", "-N", "0");
  }
}
