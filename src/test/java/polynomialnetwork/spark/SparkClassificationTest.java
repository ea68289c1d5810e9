package polynomialnetwork.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.data.DesignMatrix;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * A nominal class trained inside Weka and through TrainOnSpark in {@code local[2]} gives the same
 * classifier: the same number of iterations and class probabilities within 1e-9 of each other,
 * for two classes (found in the data, several partitions) and three (declared by an ARFF header,
 * in an order that is not sorted); a class declared but absent, numeric class codes made nominal
 * by {@code --nominal-class}, and a single class (the constant model) are trained as Weka trains
 * them. The saved model files load and predict in Weka.
 */
class SparkClassificationTest extends LocalSparkTest {

  /** What one comparison found. */
  static final class Comparison {
    final PolynomialNetwork inWeka;
    final PolynomialNetwork onSpark;
    final double largestDifference;
    final String progress;

    Comparison(PolynomialNetwork inWeka, PolynomialNetwork onSpark, double largestDifference,
        String progress) {
      this.inWeka = inWeka;
      this.onSpark = onSpark;
      this.largestDifference = largestDifference;
      this.progress = progress;
    }
  }

  /**
   * Trains both ways (Weka's {@code buildClassifier(Instances)} on {@code data}, TrainOnSpark on
   * {@code input}) and compares iterations and class probabilities on every instance.
   */
  static Comparison assertSameClassifier(Instances data, Path input, List<String> sparkArgs,
      String... options) throws Exception {
    PolynomialNetwork inWeka = new PolynomialNetwork();
    inWeka.setOptions(options.clone());
    inWeka.buildClassifier(data);

    Path model = dir.resolve(input.getFileName() + "-" + String.join("", options) + ".model");
    SerializationHelper.writeAll(model + ".weka", new Object[] {inWeka, new Instances(data, 0)});
    List<String> args = new ArrayList<>(Arrays.asList("--input", input.toString(), "--model",
        model.toString()));
    args.addAll(sparkArgs);
    args.add("--");
    args.addAll(Arrays.asList(options));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(args.toArray(new String[0]), new PrintStream(out, true),
        new PrintStream(err, true));
    String progress = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(0, status, progress);
    String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(text.contains("Training log-loss"), text);

    Object[] saved = SerializationHelper.readAll(model.toString());
    PolynomialNetwork onSpark = (PolynomialNetwork) saved[0];
    Instances savedHeader = (Instances) saved[1];
    assertNull(savedHeader.equalHeadersMsg(new Instances(data, 0)), "saved header");
    assertNotNull(onSpark.getNominalClassModel(), "a classifier");
    int wekaIterations = TrainOnSpark.iterations(inWeka);
    int sparkIterations = TrainOnSpark.iterations(onSpark);
    assertEquals(wekaIterations, sparkIterations, () -> "iterations; Weka's model:\n" + inWeka
        + "\nSpark's:\n" + onSpark + "\nprogress:\n" + progress);
    assertEquals(inWeka.getMeasure("measureNumSampledIterations"),
        onSpark.getMeasure("measureNumSampledIterations"), "iterations on row samples");
    double largest = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      double[] a = inWeka.distributionForInstance(data.instance(i));
      double[] b = onSpark.distributionForInstance(data.instance(i));
      assertEquals(a.length, b.length);
      for (int c = 0; c < a.length; c++) {
        largest = Math.max(largest, Math.abs(a[c] - b[c]));
      }
    }
    // one row of the equivalence table (in the test output)
    java.util.regex.Matcher passes = java.util.regex.Pattern.compile("(\\d+) passes over all "
        + "rows").matcher(progress);
    System.out.printf(java.util.Locale.ROOT, "classification equivalence | %s | %d classes | %s"
        + " | %s | iterations %d / %d (+ %d / %d on row samples) | max |P_weka - P_spark| %.2e"
        + " | %s passes on Spark%n",
        input.getFileName(), data.classAttribute().numValues(),
        String.join(" ", sparkArgs).replace(dir + java.io.File.separator, ""),
        String.join(" ", options), wekaIterations, sparkIterations,
        (int) inWeka.getMeasure("measureNumSampledIterations"),
        (int) onSpark.getMeasure("measureNumSampledIterations"), largest,
        passes.find() ? passes.group(1) : "?");
    assertTrue(passes.find(0), "TrainOnSpark's summary line with its passes:\n" + progress);
    assertTrue(largest <= 1e-9, "largest probability difference " + largest);
    return new Comparison(inWeka, onSpark, largest, progress);
  }

  /** Planted classification rows as Instances: inputs x1..xp, class values {@code names}. */
  static Instances planted(int m, int p, int r, String[] names, double scale, long seed) {
    PlantedClassification planted = PlantedClassification.of(p, r, m, 1, names.length, scale,
        true, false, seed);
    DesignMatrix rows = planted.train;
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      atts.add(new Attribute("x" + (k + 1)));
    }
    atts.add(new Attribute("class", new ArrayList<>(Arrays.asList(names))));
    Instances data = new Instances("planted-classes", atts, m);
    data.setClassIndex(p);
    for (int i = 0; i < m; i++) {
      double[] v = Arrays.copyOf(rows.row(i), p + 1);
      v[p] = rows.target()[i];
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  /**
   * {@code data} with a nominal input attribute "colour" {blue, green, red} (sorted, as a header
   * found in the data lists it) in front, drawn at random; about 2 % of it missing.
   */
  static Instances withColour(Instances data, long seed) {
    Random rng = new Random(seed);
    Instances copy = new Instances(data);
    copy.insertAttributeAt(new Attribute("colour", new ArrayList<>(Arrays.asList("blue",
        "green", "red"))), 0);
    for (int i = 0; i < copy.numInstances(); i++) {
      if (rng.nextDouble() < 0.02) {
        copy.instance(i).setMissing(0);
      } else {
        copy.instance(i).setValue(0, rng.nextInt(3));
      }
    }
    return copy;
  }

  @Test
  void twoClassesFoundInTheDataOnThreePartitions() throws Exception {
    // class values "no" and "yes": sorted as TrainOnSpark finds them, so the Weka data declares
    // them in that order. The nominal input has missing values (replaced by its mode); the
    // numeric inputs have none: a numeric value replaced by its mean standardizes to a rounding
    // residual near 0 that differs with the summation order, and the validation folds hash it
    // (RowSplit), so on several partitions such rows would fall into other folds than in Weka
    Instances data = withColour(planted(2_000, 6, 2, new String[] {"no", "yes"}, 3.0, 31), 32);
    Path csv = SparkTestData.csv(data, dir.resolve("two-classes.csv"), "?");
    Comparison c = assertSameClassifier(data, csv, Arrays.asList("--partitions", "3"), "-S", "3",
        "-validation-runs", "2", "-I", "30");
    assertTrue(c.progress.contains(", 3 partitions;"), c.progress);
    assertTrue(c.progress.contains("the class 'class' is nominal") && c.progress.contains(
        "2 classes {no, yes}"), c.progress);
    assertTrue(c.progress.contains("mean log-loss"), c.progress);
    // past the first (head) step: tangent steps then reach the validation optimum in 3
    assertTrue(TrainOnSpark.iterations(c.onSpark) >= 2, "the fit iterates: "
        + TrainOnSpark.iterations(c.onSpark));
    assertEquals(1, c.onSpark.getNominalClassModel().network().scoreCount(), "logistic");
  }

  /**
   * From 8 000 rows a fit starts on nested row samples (the sampled start): they are chosen by a
   * hash of each row, so Spark's partitions pick the same samples as Weka's row blocks and the
   * log-loss fit is the same, samples and all.
   */
  @Test
  void twoClassesOnManyRowsStartOnTheSameRowSamples() throws Exception {
    Instances data = planted(8_000, 5, 2, new String[] {"no", "yes"}, 3.0, 61);
    Path csv = SparkTestData.csv(data, dir.resolve("two-classes-sampled.csv"), "?");
    Comparison c = assertSameClassifier(data, csv, Arrays.asList("--partitions", "3"), "-S", "7",
        "-validation", "0", "-I", "20");
    assertTrue(c.inWeka.getMeasure("measureNumSampledIterations") > 0, c.inWeka.toString());
    assertTrue(c.progress.contains("sample iteration 1 ("), c.progress);
  }

  @Test
  void threeClassesDeclaredByAHeader() throws Exception {
    // declared order low, medium, high (not sorted): the header fixes it
    Instances data = planted(3_000, 8, 2, new String[] {"low", "medium", "high"}, 3.0, 41);
    Path csv = SparkTestData.csv(data, dir.resolve("three-classes.csv"), "?");
    Path header = SparkTestData.header(data, dir.resolve("three-classes.arff"));
    Comparison c = assertSameClassifier(data, csv, Arrays.asList("--partitions", "2",
        "--header", header.toString()), "-S", "5", "-validation", "0", "-I", "40");
    assertTrue(c.progress.contains("3 classes {low, medium, high}"), c.progress);
    assertEquals(3, c.onSpark.getNominalClassModel().network().scoreCount(), "softmax");

    // the model file loads in Weka and evaluates as the Weka-trained one: what weka.Run
    // weka.classifiers.functions.PolynomialNetwork -l MODEL -T three-classes.arff prints
    Path arff = Files.write(dir.resolve("three-classes-data.arff"),
        data.toString().getBytes(StandardCharsets.UTF_8));
    Path sparkModel = dir.resolve("three-classes.csv--S5-validation0-I40.model");
    String fromSpark = weka.classifiers.Evaluation.evaluateModel(new PolynomialNetwork(),
        new String[] {"-l", sparkModel.toString(), "-T", arff.toString(), "-o"});
    String fromWeka = weka.classifiers.Evaluation.evaluateModel(new PolynomialNetwork(),
        new String[] {"-l", sparkModel + ".weka", "-T", arff.toString(), "-o"});
    assertTrue(fromSpark.contains("Correctly Classified Instances"), fromSpark);
    assertEquals(accuracyLine(fromWeka), accuracyLine(fromSpark));
  }

  private static String accuracyLine(String evaluation) {
    for (String line : evaluation.split("\n")) {
      if (line.startsWith("Correctly Classified Instances")) {
        return line;
      }
    }
    return null;
  }

  @Test
  void aDeclaredClassWithoutRowsGetsProbabilityZero() throws Exception {
    // the header declares four classes, the rows hold three: the fit maps declared classes
    // low, medium, high (0, 2, 3) to trained classes 0, 1, 2
    Instances planted = planted(800, 4, 1, new String[] {"low", "medium", "high"}, 3.0, 51);
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int a = 0; a < planted.numAttributes() - 1; a++) {
      atts.add(planted.attribute(a).copy(planted.attribute(a).name()));
    }
    atts.add(new Attribute("class", new ArrayList<>(Arrays.asList("low", "unseen", "medium",
        "high"))));
    Instances data = new Instances("declared-unseen", atts, planted.numInstances());
    data.setClassIndex(atts.size() - 1);
    for (int i = 0; i < planted.numInstances(); i++) {
      double[] v = planted.instance(i).toDoubleArray();
      int y = (int) v[v.length - 1];
      v[v.length - 1] = y == 0 ? 0 : y + 1;
      data.add(new DenseInstance(1.0, v));
    }
    // on one partition, where every sum is Weka's own: numeric values missing too
    data = SparkTestData.withMissing(data, 0.02, 52);
    Path csv = SparkTestData.csv(data, dir.resolve("declared-unseen.csv"), "?");
    Path header = SparkTestData.header(data, dir.resolve("declared-unseen.arff"));
    Comparison c = assertSameClassifier(data, csv, Arrays.asList("--header", header.toString()),
        "-S", "1", "-I", "10", "-validation", "0");
    assertEquals(0.0, c.onSpark.distributionForInstance(data.instance(0))[1], 0.0);
  }

  @Test
  void numericCodesMadeNominal() throws Exception {
    // class codes 1 and 10: classes in numeric order (1 before 10, which text order reverses)
    Instances planted = planted(600, 3, 1, new String[] {"1", "10"}, 3.0, 61);
    Path csv = dir.resolve("codes.csv");
    List<String> lines = new ArrayList<>();
    lines.add("x1,x2,x3,code");
    for (int i = 0; i < planted.numInstances(); i++) {
      double[] v = planted.instance(i).toDoubleArray();
      lines.add(v[0] + "," + v[1] + "," + v[2] + "," + (v[3] == 0 ? "1" : "10"));
    }
    Files.write(csv, lines, StandardCharsets.UTF_8);
    Instances data = new Instances(planted);
    data.renameAttribute(3, "code");
    Comparison c = assertSameClassifier(data, csv, Arrays.asList("--nominal-class"), "-S", "2",
        "-I", "10", "-validation", "0");
    assertTrue(c.progress.contains("2 classes {1, 10}"), c.progress);

    // the same rows as Parquet with a typed integer class column: --nominal-class makes the pass
    // that finds its classes, which typed columns otherwise skip
    List<org.apache.spark.sql.types.StructField> fields = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      fields.add(org.apache.spark.sql.types.DataTypes.createStructField("x" + (a + 1),
          org.apache.spark.sql.types.DataTypes.DoubleType, true));
    }
    fields.add(org.apache.spark.sql.types.DataTypes.createStructField("code",
        org.apache.spark.sql.types.DataTypes.IntegerType, true));
    List<org.apache.spark.sql.Row> rows = new ArrayList<>();
    for (int i = 0; i < planted.numInstances(); i++) {
      double[] v = planted.instance(i).toDoubleArray();
      rows.add(org.apache.spark.sql.RowFactory.create(v[0], v[1], v[2], v[3] == 0 ? 1 : 10));
    }
    Path parquet = dir.resolve("codes.parquet");
    spark.createDataFrame(rows, org.apache.spark.sql.types.DataTypes.createStructType(fields))
        .coalesce(1).write().parquet(parquet.toString());
    Comparison typed = assertSameClassifier(data, parquet, Arrays.asList("--nominal-class"),
        "-S", "2", "-I", "10", "-validation", "0");
    assertTrue(typed.progress.contains("2 classes {1, 10}"), typed.progress);
  }

  @Test
  void oneClassWithRowsGivesWekasConstantModel() throws Exception {
    // the header declares two classes, the rows hold one
    Path csv = Files.write(dir.resolve("one-class.csv"), Arrays.asList("a,b,y", "1,2,yes",
        "2,3,yes", "3,5,", "4,1,yes"), StandardCharsets.UTF_8);
    Path header = Files.write(dir.resolve("one-class.arff"), Arrays.asList("@relation t",
        "@attribute a numeric", "@attribute b numeric", "@attribute y {no,yes}", "@data"),
        StandardCharsets.UTF_8);
    Path model = dir.resolve("one-class.model");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(new String[] {"--input", csv.toString(), "--model",
        model.toString(), "--header", header.toString()}, new PrintStream(out, true),
        new PrintStream(err, true));
    assertEquals(0, status, new String(err.toByteArray(), StandardCharsets.UTF_8));
    Object[] saved = SerializationHelper.readAll(model.toString());
    PolynomialNetwork onSpark = (PolynomialNetwork) saved[0];
    Instances data = new Instances((Instances) saved[1], 0);
    for (double[] v : new double[][] {{1, 2, 1}, {2, 3, 1}, {3, 5, Double.NaN}, {4, 1, 1}}) {
      data.add(new DenseInstance(1.0, v));
    }
    PolynomialNetwork inWeka = new PolynomialNetwork();
    inWeka.buildClassifier(data);
    assertEquals(inWeka.toString(), onSpark.toString());
    assertArrayEquals(inWeka.distributionForInstance(data.instance(0)),
        onSpark.distributionForInstance(data.instance(0)), 0.0);
    assertTrue(onSpark.toString().contains("Constant model (only one class, 'yes', has training"
        + " instances)"), onSpark.toString());
  }

  @Test
  void theUnitStepIsRefusedForANominalClass() throws IOException {
    Path csv = Files.write(dir.resolve("unit-step.csv"), Arrays.asList("a,b,y", "1,2,no",
        "2,3,yes"), StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(new String[] {"--input", csv.toString(), "--model",
        dir.resolve("unit-step.model").toString(), "--", "-step", "unit"},
        new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
    String msg = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(2, status, msg);
    assertTrue(msg.contains("-step unit is for a numeric class only"), msg);
    assertTrue(!Files.exists(dir.resolve("unit-step.model")));
  }
}
