package polynomialnetwork.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * A weight column ({@code --weight}) means what Weka's instance weights mean: TrainOnSpark in
 * {@code local[2]} on two partitions, given the weights in a column, fits as
 * {@code PolynomialNetwork.buildClassifier} fits the same rows with those instance weights (the
 * same iterations, predictions and class probabilities within 1e-9), and integer weights fit as
 * the rows repeated that many times do (within rounding: also 1e-9). On one partition, means of
 * weighted values replace missing values as in Weka (to the last bit: the fits are equal). Bad
 * weights are refused with one line, exit status 2 and no model file.
 */
class SparkWeightTest extends LocalSparkTest {

  /** Weights drawn per row: whole numbers 0..3 or any number in [0, 3), about 1 in 10 zero. */
  private static double[] weights(int m, boolean whole, long seed) {
    Random rng = new Random(seed);
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      w[i] = rng.nextInt(10) == 0 ? 0 : whole ? 1 + rng.nextInt(3) : 3 * rng.nextDouble();
    }
    return w;
  }

  /** {@code data} with a nominal input 'colour' {blue, green, red} (some missing) first. */
  private static Instances withColour(Instances data, long seed) {
    Random rng = new Random(seed);
    Instances copy = new Instances(data);
    copy.insertAttributeAt(new Attribute("colour", Arrays.asList("blue", "green", "red")), 0);
    for (Instance inst : copy) {
      double r = rng.nextDouble();
      if (r < 0.05) {
        inst.setMissing(0);
      } else {
        // skewed, so that the weighted mode is not simply the most frequent value
        inst.setValue(0, r < 0.45 ? 0 : r < 0.8 ? 1 : 2);
      }
    }
    return copy;
  }

  private static Instances weighted(Instances data, double[] w) {
    Instances copy = new Instances(data);
    for (int i = 0; i < w.length; i++) {
      copy.instance(i).setWeight(w[i]);
    }
    return copy;
  }

  /** Each row repeated as often as its (whole) weight says, each with weight 1. */
  private static Instances repeated(Instances data, double[] w) {
    Instances copy = new Instances(data, 0);
    for (int i = 0; i < w.length; i++) {
      for (int k = 0; k < (int) w[i]; k++) {
        copy.add((Instance) data.instance(i).copy());
      }
    }
    return copy;
  }

  /**
   * Writes {@code data} as CSV with the weight column 'w' in column {@code at} (numbers in full
   * precision, nominal values by name, missing values as '?').
   */
  private static Path csv(Instances data, double[] w, int at, Path file) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      List<String> cells = new ArrayList<>();
      for (int a = 0; a < data.numAttributes(); a++) {
        cells.add(data.attribute(a).name());
      }
      cells.add(at, "w");
      out.println(String.join(",", cells));
      for (int i = 0; i < data.numInstances(); i++) {
        Instance inst = data.instance(i);
        cells.clear();
        for (int a = 0; a < data.numAttributes(); a++) {
          cells.add(inst.isMissing(a) ? "?" : data.attribute(a).isNominal() ? inst.stringValue(a)
              : Double.toString(inst.value(a)));
        }
        cells.add(at, Double.toString(w[i]));
        out.println(String.join(",", cells));
      }
    }
    return file;
  }

  /** Trains with TrainOnSpark (status 0 expected) and returns the saved model. */
  private static PolynomialNetwork onSpark(Path csv, List<String> sparkArgs, String... options)
      throws Exception {
    Path model = dir.resolve(csv.getFileName() + "-" + String.join("", options) + ".model");
    List<String> args = new ArrayList<>(Arrays.asList("--input", csv.toString(), "--model",
        model.toString()));
    args.addAll(sparkArgs);
    args.add("--");
    args.addAll(Arrays.asList(options));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(args.toArray(new String[0]),
        new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
    String progress = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(0, status, progress);
    assertTrue(progress.contains("total weight"), progress);
    return (PolynomialNetwork) SerializationHelper.readAll(model.toString())[0];
  }

  private static PolynomialNetwork inWeka(Instances data, String... options) throws Exception {
    PolynomialNetwork c = new PolynomialNetwork();
    c.setOptions(options.clone());
    c.buildClassifier(data);
    return c;
  }

  /**
   * The largest difference of the two models' predictions on {@code data} (a numeric class:
   * relative to the largest prediction; a nominal class: of the class probabilities).
   */
  private static double largestDifference(PolynomialNetwork a, PolynomialNetwork b,
      Instances data) throws Exception {
    double largest = 0;
    double scale = 0;
    boolean nominal = data.classAttribute().isNominal();
    for (Instance inst : data) {
      double[] pa = a.distributionForInstance(inst);
      double[] pb = b.distributionForInstance(inst);
      for (int c = 0; c < pa.length; c++) {
        largest = Math.max(largest, Math.abs(pa[c] - pb[c]));
        scale = Math.max(scale, Math.abs(pa[c]));
      }
    }
    return nominal ? largest : largest / scale;
  }

  private static void report(String what, PolynomialNetwork a, PolynomialNetwork b,
      double difference) {
    System.out.printf(Locale.ROOT, "weights | %s | iterations %d / %d | max difference %.2e%n",
        what, TrainOnSpark.iterations(a), TrainOnSpark.iterations(b), difference);
  }

  @Test
  void numericClassWithWeightsFitsAsWekaAndAsRepeatedRows() throws Exception {
    Instances data = withColour(SparkTestData.planted(2_000, 6, 2, 0.1, 71), 72);
    String[] options = {"-S", "3", "-I", "15"};
    List<String> sparkArgs = Arrays.asList("--weight", "w", "--partitions", "2");

    double[] fractional = weights(data.numInstances(), false, 73);
    Path csv = csv(data, fractional, 0, dir.resolve("weighted-numeric.csv"));
    PolynomialNetwork spark = onSpark(csv, sparkArgs, options);
    PolynomialNetwork weka = inWeka(weighted(data, fractional), options);
    double d = largestDifference(weka, spark, data);
    report("numeric, weights in [0, 3) | Weka weighted / Spark", weka, spark, d);
    assertEquals(TrainOnSpark.iterations(weka), TrainOnSpark.iterations(spark), "iterations");
    assertTrue(d <= 1e-9, "largest relative difference " + d);
    // the weights matter: the unweighted fit is another one
    assertTrue(largestDifference(inWeka(data, options), spark, data) > 1e-4, "weights used");

    double[] whole = weights(data.numInstances(), true, 74);
    Path wholeCsv = csv(data, whole, 3, dir.resolve("whole-weighted-numeric.csv"));
    PolynomialNetwork sparkWhole = onSpark(wholeCsv, sparkArgs, options);
    PolynomialNetwork wekaWhole = inWeka(weighted(data, whole), options);
    d = largestDifference(wekaWhole, sparkWhole, data);
    report("numeric, weights 0..3 | Weka weighted / Spark", wekaWhole, sparkWhole, d);
    assertEquals(TrainOnSpark.iterations(wekaWhole), TrainOnSpark.iterations(sparkWhole));
    assertTrue(d <= 1e-9, "largest relative difference " + d);
    PolynomialNetwork wekaRepeated = inWeka(repeated(data, whole), options);
    d = largestDifference(wekaRepeated, sparkWhole, data);
    report("numeric, weights 0..3 | Weka repeated rows / Spark", wekaRepeated, sparkWhole, d);
    assertEquals(TrainOnSpark.iterations(wekaRepeated), TrainOnSpark.iterations(sparkWhole));
    assertTrue(d <= 1e-9, "largest relative difference " + d);
  }

  @Test
  void nominalClassWithWeightsFitsAsWekaAndAsRepeatedRows() throws Exception {
    Instances data = withColour(SparkClassificationTest.planted(1_000, 4, 2,
        new String[] {"no", "yes"}, 3.0, 81), 82);
    String[] options = {"-S", "3", "-I", "8"};
    List<String> sparkArgs = Arrays.asList("--weight", "w", "--partitions", "2");

    double[] fractional = weights(data.numInstances(), false, 83);
    Path csv = csv(data, fractional, 2, dir.resolve("weighted-nominal.csv"));
    PolynomialNetwork spark = onSpark(csv, sparkArgs, options);
    PolynomialNetwork weka = inWeka(weighted(data, fractional), options);
    double d = largestDifference(weka, spark, data);
    report("nominal, weights in [0, 3) | Weka weighted / Spark", weka, spark, d);
    assertEquals(TrainOnSpark.iterations(weka), TrainOnSpark.iterations(spark), "iterations");
    assertTrue(d <= 1e-9, "largest probability difference " + d);
    assertTrue(largestDifference(inWeka(data, options), spark, data) > 1e-4, "weights used");

    double[] whole = weights(data.numInstances(), true, 84);
    Path wholeCsv = csv(data, whole, data.numAttributes(), dir.resolve("whole-nominal.csv"));
    PolynomialNetwork sparkWhole = onSpark(wholeCsv, sparkArgs, options);
    PolynomialNetwork wekaWhole = inWeka(weighted(data, whole), options);
    d = largestDifference(wekaWhole, sparkWhole, data);
    report("nominal, weights 0..3 | Weka weighted / Spark", wekaWhole, sparkWhole, d);
    assertEquals(TrainOnSpark.iterations(wekaWhole), TrainOnSpark.iterations(sparkWhole));
    assertTrue(d <= 1e-9, "largest probability difference " + d);
    PolynomialNetwork wekaRepeated = inWeka(repeated(data, whole), options);
    d = largestDifference(wekaRepeated, sparkWhole, data);
    report("nominal, weights 0..3 | Weka repeated rows / Spark", wekaRepeated, sparkWhole, d);
    assertEquals(TrainOnSpark.iterations(wekaRepeated), TrainOnSpark.iterations(sparkWhole));
    assertTrue(d <= 1e-9, "largest probability difference " + d);
  }

  @Test
  void missingValuesReplacedByWeightedMeans() throws Exception {
    // one partition: the rows with a missing numeric value fall into Weka's validation folds
    Instances data = SparkTestData.withMissing(SparkTestData.arff("test-data/cpu.arff"), 0.1, 91);
    String[] options = {"-S", "2"};
    double[] w = weights(data.numInstances(), false, 92);
    Path csv = csv(data, w, 1, dir.resolve("weighted-cpu-missing.csv"));
    PolynomialNetwork spark = onSpark(csv, Arrays.asList("--weight", "w", "--partitions", "1"),
        options);
    PolynomialNetwork weka = inWeka(weighted(data, w), options);
    double d = largestDifference(weka, spark, data);
    report("cpu with missing values, weights in [0, 3) | Weka weighted / Spark", weka, spark, d);
    assertEquals(TrainOnSpark.iterations(weka), TrainOnSpark.iterations(spark), "iterations");
    assertTrue(d <= 1e-9, "largest relative difference " + d);
    assertTrue(largestDifference(inWeka(data, options), spark, data) > 1e-4, "weights used");
  }

  // --- bad weights: one line naming file, row, column and value; status 2; no model file

  private static Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), Arrays.asList(lines), StandardCharsets.UTF_8);
  }

  /** Runs TrainOnSpark, expects status 2 and no change to the model file; returns the error. */
  private static String refused(String... args) throws IOException {
    Path model = dir.resolve("kept.model");
    Files.write(model, "an earlier model".getBytes(StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>(Arrays.asList("--model", model.toString()));
    all.addAll(Arrays.asList(args));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(all.toArray(new String[0]),
        new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
    String message = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(2, status, message);
    assertEquals("an earlier model", new String(Files.readAllBytes(model),
        StandardCharsets.UTF_8), "the model file is untouched");
    assertFalse(message.contains("\tat "), "no stack trace: " + message);
    String[] lines = message.trim().split("\n");
    // one line (an option error is followed by the usage text)
    assertTrue(lines.length == 1 || lines[1].startsWith("Usage:"), "one line: " + message);
    return message;
  }

  /** The error for a CSV whose second row has weight {@code bad}. */
  private static String badWeight(String name, String bad) throws IOException {
    Path csv = write(name, "a,w,y", "1,1,3", "2," + bad + ",5", "3,2,7", "4,0,9");
    String msg = refused("--input", csv.toString(), "--weight", "w");
    assertTrue(msg.contains(name) && msg.contains("row [2, 5]")
        && msg.contains("the weight column 'w'") && msg.contains("finite numbers >= 0")
        && msg.contains("correct the value or remove the row"), msg);
    return msg;
  }

  @Test
  void aNegativeWeight() throws IOException {
    assertTrue(badWeight("negative.csv", "-1.5").contains("'w' is -1.5."));
  }

  @Test
  void aNaNWeight() throws IOException {
    assertTrue(badWeight("nan.csv", "NaN").contains("'w' is NaN."));
  }

  @Test
  void anInfiniteWeight() throws IOException {
    assertTrue(badWeight("infinite.csv", "Infinity").contains("'w' is Infinity."));
  }

  @Test
  void aTextWeight() throws IOException {
    assertTrue(badWeight("text.csv", "heavy").contains(
        "'w' holds 'heavy', which is not a number"));
  }

  @Test
  void aMissingWeight() throws IOException {
    String msg = badWeight("missingweight.csv", "?");
    assertTrue(msg.contains("has no value") && msg.contains("every row needs a weight"), msg);
    // also in a row without a class value, as Weka checks every instance's weight
    Path csv = write("missingweight2.csv", "a,w,y", "1,1,3", "2,,", "3,2,7", "4,1,9");
    msg = refused("--input", csv.toString(), "--weight", "w");
    assertTrue(msg.contains("row [2, null]") && msg.contains("has no value"), msg);
  }

  @Test
  void everyWeightZero() throws IOException {
    Path csv = write("zero.csv", "a,w,y", "1,0,3", "2,0,5", "3,0,7");
    String msg = refused("--input", csv.toString(), "--weight", "w");
    assertTrue(msg.contains("zero.csv") && msg.contains("weight 0"), msg);
  }

  @Test
  void aWeightColumnThatIsNotThere() throws IOException {
    Path csv = write("noweight.csv", "a,b,y", "1,2,3", "2,3,5");
    String msg = refused("--input", csv.toString(), "--weight", "weight");
    assertTrue(msg.contains("--weight weight") && msg.contains("a, b, y"), msg);
  }

  @Test
  void theWeightAsTheClass() throws IOException {
    Path csv = write("weightclass.csv", "a,w,y", "1,2,3", "2,3,5");
    String msg = refused("--input", csv.toString(), "--weight", "w", "--class", "w");
    assertTrue(msg.contains("the weights cannot be the class"), msg);
  }

  @Test
  void theWeightInTheHeader() throws IOException {
    Path csv = write("weightheader.csv", "a,w,y", "1,2,3", "2,3,5");
    Path header = write("weightheader.arff", "@relation t", "@attribute a numeric",
        "@attribute w numeric", "@attribute y numeric", "@data");
    String msg = refused("--input", csv.toString(), "--weight", "w", "--header",
        header.toString());
    assertTrue(msg.contains("declares attribute 'w', the --weight column"), msg);
  }
}
