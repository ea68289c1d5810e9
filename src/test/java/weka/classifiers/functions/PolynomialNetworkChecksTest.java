package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import polynomialnetwork.weka.PlantedArff;
import weka.classifiers.Evaluation;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Weka's option and GOE checkers (every line must say yes), option validation, serialization,
 * instance weights, the report, and recovery of the planted network from {@code test-data/}.
 */
class PolynomialNetworkChecksTest {

  static Instances load(String name) throws Exception {
    Instances data = DataSource.read(new File("test-data", name).getPath());
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /** Runs a checker, returning its output lines; asserts every test line ends in "yes". */
  static List<String> assertAllYes(Runnable check, String what) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(buf, true));
      check.run();
    } finally {
      System.setOut(old);
    }
    String text = new String(buf.toByteArray(), StandardCharsets.UTF_8);
    List<String> results = new ArrayList<String>();
    for (String line : text.split("\n")) {
      if (line.contains("...")) {
        results.add(line.trim());
        assertTrue(line.trim().endsWith("...yes"), what + ": " + line + "\n" + text);
      }
    }
    assertFalse(results.isEmpty(), what + " printed no test lines:\n" + text);
    System.out.println(what + ": " + results);
    return results;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-N 2 -solver EP-ROM -step unit -I 7 -tol 0.001 -block-size 5 "
      + "-krylov-iters 4 -fresh-sampling -no-linear -S 42",
      "-solver AP-ROM-BK -num-decimal-places 5 -batch-size 7 -output-debug-info"})
  void checkOptionHandlerSaysYesEverywhere(String userOptions) throws Exception {
    final CheckOptionHandler check = new CheckOptionHandler();
    check.setOptionHandler(new PolynomialNetwork());
    check.setUserOptions(Utils.splitOptions(userOptions));
    check.setSilent(false);
    List<String> lines = assertAllYes(new Runnable() {
      @Override
      public void run() {
        check.doTests();
      }
    }, "CheckOptionHandler [" + userOptions + "]");
    assertEquals(6, lines.size());
    assertTrue(check.getSuccess());
  }

  @Test
  void checkGoeSaysYesEverywhere() {
    final CheckGOE check = new CheckGOE();
    check.setObject(new PolynomialNetwork());
    List<String> lines = assertAllYes(new Runnable() {
      @Override
      public void run() {
        check.doTests();
      }
    }, "CheckGOE");
    assertEquals(2, lines.size());
    assertTrue(check.getSuccess());
  }

  @Test
  void optionsRoundTripAndDefaults() throws Exception {
    PolynomialNetwork pn = new PolynomialNetwork();
    assertEquals("-N 3 -solver AP-ROM-MBK -step search -I 100 -tol 1.0E-8 -block-size 0 "
        + "-krylov-iters 0 -head-steps 1 -validation 0.2 -validation-runs 5 -ridge 0.0 -activation-margin 0.1 -clip 0.5 -num-threads 0 -S 1", Utils.joinOptions(pn.getOptions()));
    String opts = "-N 4 -solver ep-rom -step UNIT -I 12 -tol 0.5 -block-size 6 -krylov-iters 3 "
        + "-fresh-sampling -no-linear -S 9";
    pn.setOptions(Utils.splitOptions(opts));
    assertEquals(4, pn.getNumHiddenUnits());
    assertEquals(PolynomialNetwork.SOLVER_EP_ROM, pn.getSolver().getSelectedTag().getID());
    assertEquals(PolynomialNetwork.STEP_UNIT, pn.getStepRule().getSelectedTag().getID());
    assertEquals(12, pn.getMaxIterations());
    assertEquals(0.5, pn.getTolerance(), 0);
    assertEquals(6, pn.getBlockSize());
    assertEquals(3, pn.getKrylovIterations());
    assertTrue(pn.getFreshSampling());
    assertTrue(pn.getNoLinear());
    assertEquals(9, pn.getSeed());
    PolynomialNetwork copy = new PolynomialNetwork();
    copy.setOptions(pn.getOptions());
    assertArrayEquals(pn.getOptions(), copy.getOptions());
    assertTrue(Utils.joinOptions(copy.getOptions()).startsWith(
        "-N 4 -solver EP-ROM -step unit -I 12 -tol 0.5 -block-size 6 -krylov-iters 3 "
            + "-head-steps 1 -fresh-sampling -no-linear"));
  }

  @Test
  void invalidValuesAreRejectedWithAClearMessage() {
    String[][] cases = {
        {"-N -2", "-N (number of hidden units) must be at least 1, or 0 for the automatic"},
        {"-validation 1", "-validation must be a fraction in [0, 1)"},
        {"-clip NaN", "-clip must be a finite number"},
        {"-num-threads -1", "-num-threads must be >= 0"},
        {"-N three", "-N expects an integer, got 'three'"},
        {"-solver SGD", "-solver must be one of EP-ROM, AP-ROM-BK, AP-ROM-MBK; got 'SGD'"},
        {"-step big", "-step must be one of unit, search; got 'big'"},
        {"-I 0", "-I (maximum iterations) must be at least 1"},
        {"-tol -1", "-tol (tolerance) must be a finite number >= 0"},
        {"-tol NaN", "-tol (tolerance) must be a finite number >= 0"},
        {"-tol x", "-tol expects a number, got 'x'"},
        {"-block-size -1", "-block-size must be >= 0"},
        {"-krylov-iters -3", "-krylov-iters must be >= 0"},
        {"-bogus", "Illegal options: -bogus"}};
    for (final String[] c : cases) {
      Exception e = assertThrows(Exception.class, new org.junit.jupiter.api.function.Executable() {
        @Override
        public void execute() throws Throwable {
          new PolynomialNetwork().setOptions(Utils.splitOptions(c[0]));
        }
      }, c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetwork().setTolerance(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetwork().setSolver(new SelectedTag(0, PolynomialNetwork.TAGS_STEP)));
  }

  @Test
  void freshSamplingBatchCount() {
    assertEquals(3, PolynomialNetwork.freshSamplingBatches(2000, 20, 3, 100));
    assertEquals(2, PolynomialNetwork.freshSamplingBatches(209, 6, 3, 100));
    assertEquals(5, PolynomialNetwork.freshSamplingBatches(1_000_000, 10, 1, 5));
  }

  @Test
  void reportBeforeAndAfterTraining() throws Exception {
    PolynomialNetwork pn = new PolynomialNetwork();
    assertEquals("PolynomialNetwork: No model built yet.", pn.toString());
    Instances data = load("cpu.with.vendor.arff");
    pn.buildClassifier(data);
    String s = pn.toString();
    for (String expected : new String[] {"Solver: AP-ROM-MBK, step rule: search",
        "Hidden units (rank r): 3", "stopped because:", "Training RMSE:", "unit 1: alpha =",
        "vendor=amdahl", "MMAX", "Bias c =", "Input transformation",
        "The same network on the original attribute scale", "c0 ="}) {
      assertTrue(s.contains(expected), "missing '" + expected + "' in\n" + s);
    }
    assertEquals(3, pn.getNetwork().hiddenUnits());
    assertEquals(36, pn.getColumnNames().length);
  }

  @Test
  void userDataIsNotModified() throws Exception {
    Instances data = load("cpu.with.vendor.arff");
    data.instance(3).setMissing(2);
    data.instance(5).setClassMissing();
    String before = data.toString();
    new PolynomialNetwork().buildClassifier(data);
    assertEquals(before, data.toString());
  }

  @Test
  void serializedModelPredictsIdentically() throws Exception {
    Instances data = load("cpu.with.vendor.arff");
    data.instance(0).setMissing(1);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.buildClassifier(data);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(pn);
    }
    PolynomialNetwork back;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (PolynomialNetwork) in.readObject();
    }
    for (Instance inst : data) {
      assertEquals(Double.doubleToLongBits(pn.classifyInstance(inst)),
          Double.doubleToLongBits(back.classifyInstance(inst)));
    }
    assertEquals(pn.toString(), back.toString());
  }

  /**
   * A small noisy quadratic (p = 5, r = 2, σ = 0.3) on which the fit converges to its unique
   * optimum, so that data sets that define the same weighted loss must give the same model. (On
   * cpu.arff the fit ends in a flat valley after 100 iterations; rounding-level differences then
   * move it along the valley, which says nothing about weights.)
   */
  static Instances noisyQuadratic(int m, long seed) {
    java.util.ArrayList<weka.core.Attribute> atts = new java.util.ArrayList<>();
    for (int j = 0; j < 5; j++) {
      atts.add(new weka.core.Attribute("x" + j));
    }
    atts.add(new weka.core.Attribute("y"));
    Instances data = new Instances("noisyQuadratic", atts, m);
    data.setClassIndex(5);
    java.util.Random rng = new java.util.Random(seed);
    for (int i = 0; i < m; i++) {
      double[] v = new double[6];
      for (int j = 0; j < 5; j++) {
        v[j] = rng.nextGaussian();
      }
      double z1 = v[0] + v[1] - v[2];
      double z2 = v[3] - 0.5 * v[4];
      v[5] = z1 * z1 - 0.7 * z2 * z2 + 0.5 * v[2] + 1 + 0.3 * rng.nextGaussian();
      data.add(new weka.core.DenseInstance(1.0, v));
    }
    return data;
  }

  static PolynomialNetwork converging() throws Exception {
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(new String[] {"-N", "2", "-I", "500"});
    return pn;
  }

  @Test
  void zeroWeightInstancesAreIgnored() throws Exception {
    Instances data = noisyQuadratic(400, 1);
    Instances padded = new Instances(data);
    for (int i = 0; i < 40; i++) {
      Instance junk = (Instance) data.instance(i).copy();
      for (int a = 0; a < junk.numAttributes(); a++) {
        junk.setValue(a, junk.value(a) * 7 + 1000 * i);
      }
      junk.setWeight(0);
      padded.add(junk);
    }
    PolynomialNetwork a = converging();
    a.buildClassifier(data);
    PolynomialNetwork b = converging();
    b.buildClassifier(padded);
    for (Instance inst : data) {
      double pa = a.classifyInstance(inst);
      assertEquals(pa, b.classifyInstance(inst), 1e-6 * Math.max(1, Math.abs(pa)));
    }
  }

  @Test
  void integerWeightsActLikeDuplicatedInstances() throws Exception {
    Instances data = noisyQuadratic(400, 2);
    Instances weighted = new Instances(data);
    Instances duplicated = new Instances(data);
    for (int i = 0; i < data.numInstances(); i += 3) {
      weighted.instance(i).setWeight(4);
      for (int c = 0; c < 3; c++) {
        duplicated.add((Instance) data.instance(i).copy());
      }
    }
    PolynomialNetwork a = converging();
    a.buildClassifier(weighted);
    PolynomialNetwork b = converging();
    b.buildClassifier(duplicated);
    PolynomialNetwork c = converging();
    c.buildClassifier(data);
    double maxDiff = 0;
    double maxDiffUnweighted = 0;
    for (Instance inst : data) {
      maxDiff = Math.max(maxDiff, Math.abs(a.classifyInstance(inst) - b.classifyInstance(inst)));
      maxDiffUnweighted = Math.max(maxDiffUnweighted,
          Math.abs(a.classifyInstance(inst) - c.classifyInstance(inst)));
    }
    assertTrue(maxDiff < 1e-6, "weights vs duplicates differ by " + maxDiff);
    assertTrue(maxDiffUnweighted > 1e-3, "weights had no effect: " + maxDiffUnweighted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"EP-ROM", "AP-ROM-BK", "AP-ROM-MBK"})
  void plantedNetworkIsRecoveredByEverySolver(String solver) throws Exception {
    Instances train = load(PlantedArff.TRAIN_FILE);
    Instances test = load(PlantedArff.TEST_FILE);
    assertEquals(PlantedArff.TRAIN, train.numInstances());
    assertEquals(PlantedArff.TEST, test.numInstances());
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(new String[] {"-solver", solver});
    pn.buildClassifier(train);
    Evaluation ev = new Evaluation(train);
    ev.evaluateModel(pn, test);
    double rrse = ev.rootRelativeSquaredError();
    System.out.println("planted " + solver + ": test RRSE " + rrse + " %");
    assertTrue(rrse < 0.01, solver + ": test RRSE " + rrse + " %");
    assertNotNull(pn.getNetworkInOriginalUnits());
    // alpha on the original scale: the planted (3, -2, 1) up to the standardization of x
    assertEquals(3, pn.getNetwork().hiddenUnits());
  }

  @Test
  void constantModelWithoutUsableData() throws Exception {
    Instances data = load("cpu.arff");
    Instances empty = new Instances(data, 0);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.buildClassifier(empty);
    assertTrue(pn.toString().contains("Constant model"), pn.toString());
    assertEquals(0, pn.classifyInstance(data.instance(0)), 0);
  }

  @Test
  void infiniteValuesAreRejectedNamingAttributeAndInstance() throws Exception {
    Instances data = noisyQuadratic(50, 3);
    data.instance(6).setValue(2, Double.NEGATIVE_INFINITY);
    Instances before = new Instances(data);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetwork().buildClassifier(data));
    assertTrue(e.getMessage().contains("'x2'") && e.getMessage().contains("instance 7"),
        e.getMessage());
    assertEquals(before.toString(), data.toString(), "input must not be altered");
  }

  @Test
  void additionalMeasuresDescribeTheLastFit() throws Exception {
    PolynomialNetwork pn = converging();
    pn.buildClassifier(noisyQuadratic(300, 4));
    java.util.List<String> names = Collections.list(pn.enumerateMeasures());
    assertEquals(7, names.size());
    for (String n : names) {
      assertTrue(n.startsWith("measure"));
      assertTrue(Double.isFinite(pn.getMeasure(n)));
    }
    assertEquals(2, pn.getMeasure("measureNumHiddenUnits"), 0.0);
    assertTrue(pn.getMeasure("measureNumIterations") >= 1);
    assertEquals(0, pn.getMeasure("measureNumSampledIterations"), 0.0, "300 rows: no samples");
    assertTrue(pn.getMeasure("measureTrainingRMSE") > 0.1, "noise σ = 0.3 stays in the RMSE");
    assertThrows(IllegalArgumentException.class, () -> pn.getMeasure("measureNonsense"));
  }

  @Test
  void predictionsFarOutsideTheTrainingInputsAreClipped() throws Exception {
    Instances data = noisyQuadratic(300, 5);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Instance inst : data) {
      min = Math.min(min, inst.classValue());
      max = Math.max(max, inst.classValue());
    }
    Instance far = (Instance) data.instance(0).copy();
    for (int a = 0; a < 5; a++) {
      far.setValue(a, 1e3);
    }
    PolynomialNetwork clipped = converging();
    clipped.buildClassifier(data);
    double y = clipped.classifyInstance(far);
    assertTrue(y >= min - 0.5 * (max - min) - 1e-9 && y <= max + 0.5 * (max - min) + 1e-9,
        "clipped prediction " + y + " outside [" + min + ", " + max + "] ± 50 %");
    PolynomialNetwork raw = converging();
    raw.setClipMargin(-1);
    raw.setActivationMargin(-1);
    raw.buildClassifier(data);
    assertTrue(Math.abs(raw.classifyInstance(far)) > 100 * (max - min),
        "without clipping the quadratic terms dominate: " + raw.classifyInstance(far));
    // inside the data nothing changes
    for (int i = 0; i < 20; i++) {
      assertEquals(raw.classifyInstance(data.instance(i)),
          clipped.classifyInstance(data.instance(i)), 0.0);
    }
  }

  @Test
  void hiddenUnitsAreClampedToTheirTrainingRangeButTheLinearTermIsNot() throws Exception {
    Instances data = noisyQuadratic(300, 5);
    Instance far = (Instance) data.instance(0).copy();
    for (int a = 0; a < 5; a++) {
      far.setValue(a, 1e3);
    }
    PolynomialNetwork clamped = converging();
    clamped.setClipMargin(-1);
    clamped.buildClassifier(data);
    PolynomialNetwork raw = converging();
    raw.setClipMargin(-1);
    raw.setActivationMargin(-1);
    raw.buildClassifier(data);
    double yClamped = clamped.classifyInstance(far);
    double yRaw = raw.classifyInstance(far);
    assertTrue(Math.abs(yRaw) > 1e3 * Math.abs(yClamped) && Double.isFinite(yClamped),
        "raw " + yRaw + " vs clamped " + yClamped);
    // the clamped prediction is the unclamped quadratic part at the range ends plus the
    // unclamped linear term: at most the largest unit contribution seen in training, times r,
    // plus a linear extrapolation; it is bounded by the raw model on the training rows
    // scaled by the 1000-fold input (linear growth only)
    double trainMax = 0;
    for (Instance inst : data) {
      trainMax = Math.max(trainMax, Math.abs(raw.classifyInstance(inst)));
    }
    assertTrue(Math.abs(yClamped) < 1e3 * 10 * trainMax, "clamped " + yClamped);
    for (int i = 0; i < 20; i++) {
      assertEquals(raw.classifyInstance(data.instance(i)),
          clamped.classifyInstance(data.instance(i)), 0.0);
    }
    assertTrue(clamped.toString().contains("is clamped to its range"), clamped.toString());
  }

  @Test
  void automaticRankFindsTheTwoUnitsOfTheNoisyQuadratic() throws Exception {
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(new String[] {"-N", "0"});
    assertEquals(0, pn.getNumHiddenUnits());
    pn.buildClassifier(noisyQuadratic(1000, 6));
    assertEquals(2, pn.getMeasure("measureNumHiddenUnits"), 0.0, pn.toString());
    assertTrue(pn.toString().contains("chosen automatically (-N 0): 2"), pn.toString());
  }
}
