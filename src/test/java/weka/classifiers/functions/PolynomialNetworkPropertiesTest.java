package weka.classifiers.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Property-based tests (jqwik): random small data sets — numeric and nominal attributes, missing
 * values, instance weights (including zero), random sizes and magnitudes — with random valid
 * option combinations. For every one: buildClassifier throws nothing, every prediction on the
 * training data and on new points is finite, the training data is unchanged bit for bit, and
 * classifyInstance does not change its argument. Seeds and numbers of tries are fixed, so a run
 * is deterministic and bounded.
 */
class PolynomialNetworkPropertiesTest {

  /** Number of generated data sets per run. */
  static final int DATA_SETS = 200;

  static int built;
  static int predictions;
  static int builtNominal;
  static int distributions;

  /** A recipe for a data set; the values come from {@code seed}. */
  static final class DataSpec {
    final int rows;
    final int numeric;
    final int[] nominalValues;
    final double missing;
    final int weights;
    final double scale;
    final int classPosition;
    final long seed;

    DataSpec(int rows, int numeric, List<Integer> nominalValues, double missing, int weights,
        double scale, int classPosition, long seed) {
      this.rows = rows;
      this.numeric = numeric;
      this.nominalValues = new int[nominalValues.size()];
      for (int k = 0; k < this.nominalValues.length; k++) {
        this.nominalValues[k] = nominalValues.get(k);
      }
      this.missing = missing;
      this.weights = weights;
      this.scale = scale;
      this.classPosition = classPosition;
      this.seed = seed;
    }

    /**
     * The data: y = (x0 + x1)² − x0·x2 + nominal effects + noise, attributes in the order
     * numeric, nominal, with the class inserted at {@code classPosition} (mod size).
     */
    Instances build() {
      Random rng = new Random(seed);
      ArrayList<Attribute> atts = new ArrayList<Attribute>();
      for (int j = 0; j < numeric; j++) {
        atts.add(new Attribute("n" + j));
      }
      for (int k = 0; k < nominalValues.length; k++) {
        List<String> values = new ArrayList<String>();
        for (int v = 0; v < nominalValues[k]; v++) {
          values.add("v" + v);
        }
        atts.add(new Attribute("c" + k, values));
      }
      int classIndex = classPosition % (atts.size() + 1);
      atts.add(classIndex, new Attribute("y"));
      Instances data = new Instances("generated", atts, rows);
      data.setClassIndex(classIndex);
      for (int i = 0; i < rows; i++) {
        double[] v = new double[atts.size()];
        double[] num = new double[Math.max(3, numeric)];
        double y = 0;
        for (int a = 0, j = 0, k = 0; a < v.length; a++) {
          if (a == classIndex) {
            continue;
          }
          if (j < numeric) {
            num[j] = rng.nextGaussian();
            v[a] = scale * num[j];
            j++;
          } else {
            v[a] = rng.nextInt(nominalValues[k]);
            y += 0.5 * v[a] * (k + 1);
            k++;
          }
        }
        y += Math.pow(num[0] + num[1], 2) - num[0] * num[2] + 0.1 * rng.nextGaussian();
        v[classIndex] = scale * y;
        double w = weights == 0 ? 1 : weights == 1 ? rng.nextInt(4) : 0.01 + 3 * rng.nextDouble();
        Instance inst = new DenseInstance(w, v);
        for (int a = 0; a < v.length; a++) {
          if (rng.nextDouble() < missing) {
            inst.setMissing(a);
          }
        }
        data.add(inst);
      }
      return data;
    }

    @Override
    public String toString() {
      return "rows=" + rows + " numeric=" + numeric + " nominal=" + java.util.Arrays.toString(
        nominalValues) + " missing=" + missing + " weights=" + weights + " scale=" + scale
        + " class@" + classPosition + " seed=" + seed;
    }
  }

  @Provide
  Arbitrary<DataSpec> dataSets() {
    return Combinators.combine(
      Arbitraries.integers().between(0, 60),
      Arbitraries.integers().between(0, 6),
      Arbitraries.integers().between(1, 12).list().ofMaxSize(3),
      Arbitraries.of(0.0, 0.05, 0.3, 0.9),
      Arbitraries.integers().between(0, 2),
      Arbitraries.of(1.0, 1e-6, 1e6, 1e100),
      Arbitraries.integers().between(0, 20),
      Arbitraries.longs()).as(DataSpec::new);
  }

  @Provide
  Arbitrary<String> validOptions() {
    Arbitrary<String> n = Arbitraries.integers().between(0, 6).map(v -> "-N " + v);
    Arbitrary<String> solver = Arbitraries.of("EP-ROM", "AP-ROM-BK", "AP-ROM-MBK")
      .map(v -> " -solver " + v);
    Arbitrary<String> step = Arbitraries.of("unit", "search").map(v -> " -step " + v);
    Arbitrary<String> iters = Arbitraries.integers().between(1, 40).map(v -> " -I " + v);
    Arbitrary<String> tol = Arbitraries.of("0", "1e-10", "1e-3", "0.5").map(v -> " -tol " + v);
    Arbitrary<String> krylov = Combinators.combine(Arbitraries.integers().between(0, 5),
      Arbitraries.integers().between(0, 4)).as((b, q) -> " -block-size " + b
        + " -krylov-iters " + q);
    Arbitrary<String> flags = Combinators.combine(Arbitraries.of(true, false),
      Arbitraries.of(true, false)).as((f, l) -> (f ? " -fresh-sampling" : "")
        + (l ? " -no-linear" : ""));
    Arbitrary<String> rest = Combinators.combine(Arbitraries.of("0", "0.2", "0.5"),
      Arbitraries.of("-1", "0", "0.5", "3"), Arbitraries.integers().between(0, 2),
      Arbitraries.integers()).as((v, c, t, s) -> " -validation " + v + " -clip " + c
        + " -num-threads " + t + " -S " + s);
    return Combinators.combine(n, solver, step, iters, tol, krylov, flags, rest)
      .as((a, b, c, d, e, f, g, h) -> a + b + c + d + e + f + g + h);
  }

  @Property(tries = DATA_SETS, seed = "20261123", shrinking = ShrinkingMode.BOUNDED,
      generation = GenerationMode.RANDOMIZED)
  void anyDataAnyValidOptionsGivesFinitePredictionsAndLeavesInputsAlone(
      @ForAll("dataSets") DataSpec spec, @ForAll("validOptions") String options)
      throws Exception {
    Instances data = spec.build();
    DataSnapshot before = DataSnapshot.of(data);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(Utils.splitOptions(options));
    pn.buildClassifier(data);
    before.assertUnchanged(data, spec + " " + options);
    built++;
    List<Instance> points = new ArrayList<Instance>();
    for (Instance inst : data) {
      points.add(inst);
    }
    points.addAll(HostileInput.newPoints(data, 3, spec.seed));
    for (Instance inst : points) {
      DataSnapshot b = DataSnapshot.of(inst);
      double y = pn.classifyInstance(inst);
      if (!Double.isFinite(y)) {
        throw new AssertionError("prediction " + y + " for " + inst + "; " + spec + " "
          + options);
      }
      b.assertUnchanged(inst, "classifyInstance argument");
      predictions++;
    }
    before.assertUnchanged(data, spec + " " + options + " (after predictions)");
    if (pn.toString() == null) {
      throw new AssertionError("no report");
    }
  }

  /**
   * A data set of {@code spec}'s attributes with a nominal class of {@code classes} declared
   * values instead of the numeric one: the class of row i is the largest of the scores
   * s_c = (x_c + x_{c+1})² − x_c·x_{c+2} + shift_c + noise over the classes below
   * {@code present} (the others are declared and never present), missing where the spec makes
   * values missing.
   */
  static Instances withNominalClass(DataSpec spec, int classes, int present, double shift,
      double noise) {
    Instances numeric = spec.build();
    int classIndex = numeric.classIndex();
    List<String> values = new ArrayList<String>();
    for (int c = 0; c < classes; c++) {
      values.add("k" + c);
    }
    Instances data = new Instances(numeric, 0);
    data.setClassIndex(-1);
    data.deleteAttributeAt(classIndex);
    data.insertAttributeAt(new Attribute("y", values), classIndex);
    data.setClassIndex(classIndex);
    Random rng = new Random(spec.seed ^ 0x5DEECE66DL);
    for (Instance inst : numeric) {
      double[] v = inst.toDoubleArray();
      double[] x = new double[Math.max(3, spec.numeric) + present + 2];
      for (int a = 0, j = 0; a < v.length && j < spec.numeric; a++) {
        if (a != classIndex && data.attribute(a).isNumeric()) {
          x[j++] = Double.isNaN(v[a]) ? 0 : v[a] / spec.scale;
        }
      }
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < present; c++) {
        double score = Math.pow(x[c] + x[c + 1], 2) - x[c] * x[c + 2] + (c == 0 ? shift : 0)
          + noise * rng.nextGaussian();
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      boolean classMissing = inst.classIsMissing();
      v[classIndex] = best;
      Instance out = new DenseInstance(inst.weight(), v);
      if (classMissing) {
        out.setMissing(classIndex);
      }
      data.add(out);
    }
    return data;
  }

  @Provide
  Arbitrary<String> validClassificationOptions() {
    return validOptions().map(o -> o.replace("-step unit", "-step search"));
  }

  /**
   * The same for a nominal class (2 to 6 declared values, 1 to all of them present, imbalanced
   * by a shift of one class's score, noisy or separable): every distribution on the training
   * data and on new points is finite, in [0, 1] and sums to 1; the data and the arguments are
   * unchanged.
   */
  @Property(tries = DATA_SETS, seed = "20261206", shrinking = ShrinkingMode.BOUNDED,
      generation = GenerationMode.RANDOMIZED)
  void anyNominalClassDataGivesDistributionsAndLeavesInputsAlone(
      @ForAll("dataSets") DataSpec spec, @ForAll("validClassificationOptions") String options,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 6) int classes,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 6) int present,
      @ForAll("shifts") double shift, @ForAll("noises") double noise) throws Exception {
    Instances data = withNominalClass(spec, classes, Math.min(present, classes), shift, noise);
    String what = spec + " classes=" + classes + " present=" + Math.min(present, classes)
      + " shift=" + shift + " noise=" + noise + " " + options;
    DataSnapshot before = DataSnapshot.of(data);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(Utils.splitOptions(options));
    pn.buildClassifier(data);
    before.assertUnchanged(data, what);
    builtNominal++;
    List<Instance> points = new ArrayList<Instance>();
    for (Instance inst : data) {
      points.add(inst);
    }
    points.addAll(HostileInput.newPoints(data, 3, spec.seed));
    for (Instance inst : points) {
      DataSnapshot b = DataSnapshot.of(inst);
      HostileInput.assertDistribution(what, pn.distributionForInstance(inst), classes, inst);
      b.assertUnchanged(inst, "distributionForInstance argument");
      distributions++;
    }
    before.assertUnchanged(data, what + " (after predictions)");
    if (pn.toString() == null) {
      throw new AssertionError("no report");
    }
  }

  @Provide
  Arbitrary<Double> shifts() {
    return Arbitraries.of(0.0, 2.0, 8.0, -8.0);
  }

  @Provide
  Arbitrary<Double> noises() {
    return Arbitraries.of(0.0, 0.3, 3.0);
  }

  /** Option names that take a value. */
  static final String[] VALUED = {"N", "solver", "step", "I", "tol", "block-size",
    "krylov-iters", "validation", "clip", "num-threads", "S", "num-decimal-places",
    "batch-size"};

  @Provide
  Arbitrary<String> optionValues() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(12)
      .withChars("0123456789-+.eE xNaInfity"), Arbitraries.integers().map(String::valueOf),
      Arbitraries.doubles().map(String::valueOf), Arbitraries.strings().alpha().ofMinLength(1)
        .ofMaxLength(8));
  }

  /** Any text given to an option is either accepted (and round-trips) or refused by name. */
  @Property(tries = 300, seed = "8", generation = GenerationMode.RANDOMIZED)
  void anyOptionValueIsAcceptedOrRefusedNamingTheOption(
      @ForAll("optionValues") String value, @ForAll int which) throws Exception {
    String option = VALUED[Math.floorMod(which, VALUED.length)];
    PolynomialNetwork pn = new PolynomialNetwork();
    try {
      pn.setOptions(new String[] {"-" + option, value});
    } catch (Exception e) {
      if (e.getMessage() == null || !e.getMessage().contains("-" + option)) {
        throw new AssertionError("-" + option + " '" + value + "' refused without naming the "
          + "option: " + e, e);
      }
      return;
    }
    PolynomialNetwork copy = new PolynomialNetwork();
    copy.setOptions(pn.getOptions());
    if (!Utils.joinOptions(copy.getOptions()).equals(Utils.joinOptions(pn.getOptions()))) {
      throw new AssertionError("-" + option + " '" + value + "' does not round-trip");
    }
  }

  @AfterContainer
  static void summary() {
    System.out.println("PolynomialNetworkPropertiesTest: " + built + " generated data sets "
      + "trained, " + predictions + " finite predictions; " + builtNominal + " generated "
      + "nominal-class data sets trained, " + distributions + " distributions checked");
  }
}
