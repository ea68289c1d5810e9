package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.UnassignedClassException;
import weka.core.UnsupportedAttributeTypeException;
import weka.core.Utils;

/**
 * The harness of the hostile-input tables ({@link HostileInputTest}):
 * each case is a data set, options, and the expected
 * behaviour — either a named exception whose message names the attribute, value, instance or
 * option at fault, or a model whose predictions, on every training instance and on a few new
 * points, are finite (and, where a right answer exists, right). For every case the training
 * data must be unchanged after training (a deep snapshot: header, values, weights) and
 * classifyInstance must not change its argument. Each case is bounded by a preemptive timeout,
 * so a hang fails the case instead of the build.
 */
final class HostileInput {

  private HostileInput() {
  }

  /** Generous bound per case (each takes milliseconds to a second); a hang fails it. */
  static final Duration CASE_TIMEOUT = Duration.ofSeconds(30);

  /** What a case must do. */
  enum Kind {
    /** buildClassifier (or setOptions) throws. */
    REFUSED,
    /** a model is built; classifyInstance throws on the hostile point(s). */
    PREDICTION_REFUSED,
    /** a model is built and every prediction is finite. */
    MODEL
  }

  /** Extra checks on a built model: data, classifier, predictions on the training data. */
  interface Sensible {
    void check(Instances data, PolynomialNetwork pn, double[] trainPredictions) throws Exception;
  }

  interface DataFactory {
    Instances make() throws Exception;
  }

  interface PointFactory {
    List<Instance> make(Instances data) throws Exception;
  }

  static final class Case {
    final String name;
    final DataFactory data;
    final String options;
    final Kind kind;
    Class<? extends Throwable> exception;
    String[] mentions = new String[0];
    Sensible sensible;
    PointFactory extraPoints;

    Case(String name, DataFactory data, String options, Kind kind) {
      this.name = name;
      this.data = data;
      this.options = options;
      this.kind = kind;
    }

    Case mentions(String... words) {
      mentions = words;
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Case model(String name, DataFactory data, String options, Sensible sensible) {
    Case c = new Case(name, data, options, Kind.MODEL);
    c.sensible = sensible;
    return c;
  }

  static Case model(String name, DataFactory data, String options) {
    return model(name, data, options, null);
  }

  static Case refused(String name, DataFactory data, String options,
      Class<? extends Throwable> type, String... mentions) {
    Case c = new Case(name, data, options, Kind.REFUSED);
    c.exception = type;
    c.mentions = mentions;
    return c;
  }

  static Case predictionRefused(String name, DataFactory data, PointFactory points,
      Class<? extends Throwable> type, String... mentions) {
    Case c = new Case(name, data, "", Kind.PREDICTION_REFUSED);
    c.extraPoints = points;
    c.exception = type;
    c.mentions = mentions;
    return c;
  }

  static Case withPoints(Case c, PointFactory points) {
    c.extraPoints = points;
    return c;
  }

  // ------------------------------------------------------------------ data makers

  /**
   * A planted quadratic with p numeric attributes x0..x(p-1), class y last:
   * y = (x0 + x1)² − 0.5 (x1 − x2)² + 0.3 x0 + 1 (the terms use the attributes that exist).
   */
  static Instances planted(int m, int p, long seed) {
    ArrayList<Attribute> atts = new ArrayList<Attribute>();
    for (int j = 0; j < p; j++) {
      atts.add(new Attribute("x" + j));
    }
    atts.add(new Attribute("y"));
    Instances data = new Instances("planted", atts, m);
    data.setClassIndex(p);
    Random rng = new Random(seed);
    for (int i = 0; i < m; i++) {
      double[] v = new double[p + 1];
      for (int j = 0; j < p; j++) {
        v[j] = rng.nextGaussian();
      }
      v[p] = target(v, p);
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  static double target(double[] v, int p) {
    double x0 = p > 0 ? v[0] : 0;
    double x1 = p > 1 ? v[1] : 0;
    double x2 = p > 2 ? v[2] : 0;
    double a = x0 + x1;
    double b = x1 - x2;
    return a * a - 0.5 * b * b + 0.3 * x0 + 1;
  }

  /** The planted data with every value (class included) multiplied by {@code scale}. */
  static Instances scaled(Instances data, double scale) {
    Instances out = new Instances(data);
    for (Instance inst : out) {
      for (int a = 0; a < out.numAttributes(); a++) {
        inst.setValue(a, inst.value(a) * scale);
      }
    }
    return out;
  }

  /** Numeric x0..x2, a nominal 'colour' (red, green, blue) adding 0 / 1 / −1, class y. */
  static Instances mixed(int m, long seed) {
    ArrayList<Attribute> atts = new ArrayList<Attribute>();
    for (int j = 0; j < 3; j++) {
      atts.add(new Attribute("x" + j));
    }
    atts.add(new Attribute("colour", Arrays.asList("red", "green", "blue")));
    atts.add(new Attribute("y"));
    Instances data = new Instances("mixed", atts, m);
    data.setClassIndex(4);
    Random rng = new Random(seed);
    for (int i = 0; i < m; i++) {
      double[] v = new double[5];
      for (int j = 0; j < 3; j++) {
        v[j] = rng.nextGaussian();
      }
      v[3] = rng.nextInt(3);
      v[4] = target(v, 3) + (v[3] == 1 ? 1 : v[3] == 2 ? -1 : 0);
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  /** Adds an attribute (before the class) filled by {@code values.value(i)}. */
  interface Column {
    double value(int i, Random rng);
  }

  static Instances withExtra(Instances data, Attribute att, Column column, long seed) {
    Instances out = new Instances(data);
    out.insertAttributeAt(att, out.classIndex());
    int a = out.classIndex() - 1;
    Random rng = new Random(seed);
    for (int i = 0; i < out.numInstances(); i++) {
      out.instance(i).setValue(a, column.value(i, rng));
    }
    return out;
  }

  /** Planted data whose interaction matrix has condition number kappa: y = xᵀLx + x0. */
  static Instances illConditioned(int m, int p, double kappa, long seed) {
    Instances data = planted(m, p, seed);
    Random rng = new Random(seed + 1);
    double[] u = unit(rng, p);
    double[] w = unit(rng, p);
    for (Instance inst : data) {
      double[] x = inst.toDoubleArray();
      double s = 0;
      double t = 0;
      for (int j = 0; j < p; j++) {
        s += u[j] * x[j];
        t += w[j] * x[j];
      }
      inst.setClassValue(s * s + t * t / kappa + x[0]);
    }
    return data;
  }

  static double[] unit(Random rng, int p) {
    double[] u = new double[p];
    double n = 0;
    for (int j = 0; j < p; j++) {
      u[j] = rng.nextGaussian();
      n += u[j] * u[j];
    }
    for (int j = 0; j < p; j++) {
      u[j] /= Math.sqrt(n);
    }
    return u;
  }

  static Instances header(Attribute... atts) {
    Instances data = new Instances("header", new ArrayList<Attribute>(Arrays.asList(atts)), 0);
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /** A data set with an attribute of an unsupported type before the numeric class. */
  static Instances withUnsupported(Attribute odd, double[] oddValues) throws Exception {
    Instances data = header(new Attribute("x0"), odd, new Attribute("y"));
    Random rng = new Random(3);
    for (int i = 0; i < oddValues.length; i++) {
      data.add(new DenseInstance(1.0, new double[] {rng.nextGaussian(), oddValues[i],
        rng.nextGaussian()}));
    }
    return data;
  }

  static Instance copyWith(Instances data, int row, int attribute, double value) {
    Instance inst = (Instance) data.instance(row).copy();
    inst.setValue(attribute, value);
    return inst;
  }

  /** Row {@code row} with x0 = v and x1 = −v: units of opposite sign overflow to inf − inf. */
  static Instance opposite(Instances data, int row, double v) {
    Instance inst = copyWith(data, row, 0, v);
    inst.setValue(1, -v);
    return inst;
  }

  static Attribute stringAttribute(String name) {
    Attribute att = new Attribute(name, (List<String>) null);
    att.addStringValue("fine");
    att.addStringValue("odd");
    return att;
  }

  static Instances sideBySide(Instances unit) {
    Instances d = new Instances(unit);
    for (Instance inst : d) {
      inst.setValue(0, inst.value(0) * 1e150);
      inst.setValue(1, inst.value(1) * 1e-150);
    }
    return d;
  }

  static List<Instance> listOf(Instance... points) {
    return new ArrayList<Instance>(Arrays.asList(points));
  }

  // ------------------------------------------------------------------ sensible checks

  static double rrse(Instances data, double[] predictions) {
    double mean = 0;
    int n = 0;
    for (Instance inst : data) {
      if (!inst.classIsMissing()) {
        mean += inst.classValue();
        n++;
      }
    }
    mean /= n;
    double se = 0;
    double st = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      if (!inst.classIsMissing()) {
        se += Math.pow(predictions[i] - inst.classValue(), 2);
        st += Math.pow(mean - inst.classValue(), 2);
      }
    }
    return Math.sqrt(se / st);
  }

  static Sensible fitsBetterThan(final double maxRrse) {
    return (data, pn, pred) -> {
      double e = rrse(data, pred);
      assertTrue(e < maxRrse, "training RRSE " + e + " >= " + maxRrse);
    };
  }

  /** Every prediction (training and new points) equals {@code value}. */
  static Sensible constant(final double value) {
    return (data, pn, pred) -> {
      for (double y : pred) {
        assertEquals(value, y, 1e-9 * Math.max(1, Math.abs(value)));
      }
      assertEquals(value, pn.classifyInstance(data.numInstances() > 0 ? data.instance(0)
        : new DenseInstance(data.numAttributes())), 1e-9 * Math.max(1, Math.abs(value)));
    };
  }

  static Sensible constantModel(final String reason) {
    return (data, pn, pred) -> {
      assertNull(pn.getNetwork(), "constant model expected");
      assertTrue(pn.toString().contains(reason), pn.toString());
    };
  }

  /** The training predictions equal those of a model built on {@code reference}. */
  static Sensible sameFitAs(final Instances reference) {
    return sameFitAs(reference, 1e-6);
  }

  /** The same, to {@code tolerance} relative. */
  static Sensible sameFitAs(final Instances reference, final double tolerance) {
    return (data, pn, pred) -> {
      PolynomialNetwork ref = new PolynomialNetwork();
      ref.setOptions(pn.getOptions());
      ref.buildClassifier(reference);
      double[] expected = new double[reference.numInstances()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = ref.classifyInstance(reference.instance(i));
        assertEquals(expected[i], pred[i], tolerance * Math.max(1, Math.abs(expected[i])),
          "instance " + (i + 1));
      }
      // two equally failed fits would also agree: the reference must have learned something
      assertTrue(rrse(reference, expected) < 0.5, "reference fit RRSE "
        + rrse(reference, expected));
    };
  }

  /** Predictions at scale s, divided by s, equal those of the same data at scale 1. */
  static Sensible scaleInvariant(final double scale, final Instances unscaled) {
    return (data, pn, pred) -> {
      PolynomialNetwork ref = new PolynomialNetwork();
      ref.buildClassifier(unscaled);
      for (int i = 0; i < unscaled.numInstances(); i++) {
        double expected = ref.classifyInstance(unscaled.instance(i));
        assertEquals(expected, pred[i] / scale, 1e-6 * Math.max(1, Math.abs(expected)),
          "instance " + (i + 1) + " at scale " + scale);
      }
    };
  }

  static Sensible withinClipBounds() {
    return (data, pn, pred) -> {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Instance inst : data) {
        if (!inst.classIsMissing()) {
          min = Math.min(min, inst.classValue());
          max = Math.max(max, inst.classValue());
        }
      }
      double pad = pn.getClipMargin() * (max - min);
      for (double y : pred) {
        assertTrue(y >= min - pad - 1e-9 * Math.abs(min) && y <= max + pad + 1e-9 * Math.abs(max),
          y + " outside [" + (min - pad) + ", " + (max + pad) + "]");
      }
    };
  }

  // ------------------------------------------------------------------ the table

  static final int M = 60;

  /** The data cases: sizes, missing values, weights, magnitudes, targets, structure, types. */
  static Stream<Case> dataCases() throws Exception {
    List<Case> t = new ArrayList<Case>();
    final Instances base = mixed(M, 1);
    final int classIdx = base.classIndex();

    // --- sizes
    t.add(model("no instances", () -> new Instances(base, 0), "",
      (d, pn, pred) -> {
        constantModel("no training instances").check(d, pn, pred);
        assertEquals(0, pn.classifyInstance(base.instance(0)), 0.0);
      }));
    t.add(model("one instance", () -> {
      Instances d = new Instances(base, 0);
      d.add(base.instance(0));
      return d;
    }, "", constant(base.instance(0).classValue())));
    t.add(model("two instances, m < r = 3", () -> new Instances(base, 0, 2), "-N 3"));
    t.add(model("two instances, m < r, EP-ROM unit step", () -> new Instances(base, 0, 2),
      "-N 3 -solver EP-ROM -step unit"));
    t.add(model("two instances, m < r, AP-ROM-BK fresh sampling",
      () -> new Instances(base, 0, 2), "-N 3 -solver AP-ROM-BK -fresh-sampling"));
    t.add(model("two instances, automatic rank", () -> new Instances(base, 0, 2), "-N 0"));
    t.add(model("more parameters than instances (p = 30, m = 12, r = 3)",
      () -> planted(12, 30, 2), "-N 3"));
    t.add(model("more parameters than instances, EP-ROM, no validation",
      () -> planted(12, 30, 2), "-N 3 -solver EP-ROM -validation 0"));
    t.add(model("more hidden units than attributes (p = 2, r = 10)", () -> planted(M, 2, 3),
      "-N 10", (d, pn, pred) -> assertTrue(pn.getNetwork().hiddenUnits() <= 2)));
    t.add(model("only the class attribute", () -> {
      Instances d = header(new Attribute("y"));
      for (int i = 0; i < 10; i++) {
        d.add(new DenseInstance(1.0, new double[] {i}));
      }
      return d;
    }, "", constant(4.5)));
    t.add(model("class as first attribute", () -> {
      Instances d = new Instances(base);
      d.setClassIndex(0);
      return d;
    }, ""));

    // --- missing values
    t.add(model("all class values missing", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        inst.setClassMissing();
      }
      return d;
    }, "", constantModel("no training instances with a class value")));
    t.add(model("every attribute missing in some rows", () -> {
      Instances d = new Instances(base);
      for (int i = 0; i < d.numInstances(); i++) {
        for (int a = 0; a < classIdx; a++) {
          if ((i + a) % 3 == 0 || i % 10 == 0) {
            d.instance(i).setMissing(a);
          }
        }
      }
      return d;
    }, ""));
    t.add(model("a numeric attribute missing everywhere", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        inst.setMissing(1);
      }
      return d;
    }, ""));
    t.add(model("a nominal attribute missing everywhere", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        inst.setMissing(3);
      }
      return d;
    }, ""));
    t.add(model("every attribute missing everywhere", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        for (int a = 0; a < classIdx; a++) {
          inst.setMissing(a);
        }
      }
      return d;
    }, ""));
    t.add(model("NaN attribute values set through the API (= missing)", () -> {
      Instances d = new Instances(base);
      for (int i = 0; i < d.numInstances(); i += 4) {
        d.instance(i).setValue(i % 3, Double.NaN);
      }
      return d;
    }, ""));
    t.add(model("NaN class values set through the API (= missing class)", () -> {
      Instances d = new Instances(base);
      for (int i = 0; i < d.numInstances(); i += 5) {
        d.instance(i).setValue(classIdx, Double.NaN);
      }
      return d;
    }, ""));

    // --- infinities and weights
    t.add(refused("+Infinity attribute value through the API", () -> {
      Instances d = new Instances(base);
      d.instance(6).setValue(2, Double.POSITIVE_INFINITY);
      return d;
    }, "", IllegalArgumentException.class, "'x2'", "Infinity", "instance 7"));
    t.add(refused("-Infinity attribute value through the API", () -> {
      Instances d = new Instances(base);
      d.instance(0).setValue(0, Double.NEGATIVE_INFINITY);
      return d;
    }, "", IllegalArgumentException.class, "'x0'", "-Infinity", "instance 1"));
    t.add(refused("+Infinity class value", () -> {
      Instances d = new Instances(base);
      d.instance(9).setClassValue(Double.POSITIVE_INFINITY);
      return d;
    }, "", IllegalArgumentException.class, "'y'", "Infinity", "instance 10"));
    t.add(refused("negative instance weight", () -> {
      Instances d = new Instances(base);
      d.instance(4).setWeight(-2);
      return d;
    }, "", IllegalArgumentException.class, "instance 5", "-2.0", "weight"));
    t.add(refused("NaN instance weight", () -> {
      Instances d = new Instances(base);
      d.instance(2).setWeight(Double.NaN);
      return d;
    }, "", IllegalArgumentException.class, "instance 3", "NaN", "weight"));
    t.add(refused("infinite instance weight", () -> {
      Instances d = new Instances(base);
      d.instance(0).setWeight(Double.POSITIVE_INFINITY);
      return d;
    }, "", IllegalArgumentException.class, "instance 1", "Infinity", "weight"));
    t.add(model("all weights zero", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        inst.setWeight(0);
      }
      return d;
    }, "", constantModel("total instance weight is zero")));
    t.add(model("tiny and huge weights (1e-300, 1e300)", () -> {
      Instances d = new Instances(base);
      for (int i = 0; i < d.numInstances(); i++) {
        d.instance(i).setWeight(i % 2 == 0 ? 1e-300 : 1e300);
      }
      return d;
    }, ""));
    // Weights count only relative to their total: the same weight on every instance, however
    // large or small, is the unweighted fit.
    for (final double w : new double[] {1e308, 1e-300, Double.MIN_VALUE}) {
      t.add(model("every weight " + w, () -> {
        Instances d = new Instances(base);
        for (Instance inst : d) {
          inst.setWeight(w);
        }
        return d;
      }, "", sameFitAs(base)));
    }
    t.add(model("a heavy instance (weight 1e300) whose class is missing", () -> {
      Instances d = new Instances(base);
      Instance heavy = (Instance) d.instance(0).copy();
      heavy.setClassMissing();
      heavy.setWeight(1e300);
      d.add(heavy);
      return d;
    }, "", sameFitAs(base)));
    t.add(predictionRefused("nominal value index 7 in the instance to predict",
      () -> new Instances(base), d -> listOf(copyWith(d, 0, 3, 7)),
      IllegalArgumentException.class, "'colour'", "7.0", "0 to 2"));
    t.add(predictionRefused("+Infinity in the instance to predict", () -> new Instances(base),
      d -> listOf(copyWith(d, 0, 1, Double.POSITIVE_INFINITY)), IllegalArgumentException.class,
      "'x1'", "Infinity"));
    t.add(predictionRefused("-Infinity in the instance to predict", () -> new Instances(base),
      d -> listOf(copyWith(d, 0, 0, Double.NEGATIVE_INFINITY)), IllegalArgumentException.class,
      "'x0'", "-Infinity"));
    t.add(predictionRefused("instance to predict without a dataset (header)",
      () -> new Instances(base), d -> listOf(new DenseInstance(1.0, new double[] {1, 2, 3, 0,
        Double.POSITIVE_INFINITY})), IllegalArgumentException.class, "no dataset",
      "setDataset"));
    for (final double bad : new double[] {3, -1, 0.5}) {
      t.add(refused("nominal value index " + bad + " set through the API", () -> {
        Instances d = new Instances(base);
        d.instance(6).setValue(3, bad);
        return d;
      }, "", IllegalArgumentException.class, "'colour'", String.valueOf(bad), "instance 7",
        "0 to 2"));
    }
    t.add(predictionRefused("instance to predict with another number of attributes",
      () -> new Instances(base), d -> listOf(new DenseInstance(1.0, new double[] {1, 2})),
      IllegalArgumentException.class, "2 attributes", "trained on 5"));
    t.add(withPoints(model("finite instance to predict at 1e200 (overflow in the quadratic)",
      () -> new Instances(base), "", withinClipBounds()), d -> listOf(
        copyWith(d, 0, 0, 1e200), copyWith(d, 1, 1, -1e200), copyWith(d, 2, 2, 1e308),
        opposite(d, 3, 1e200))));
    t.add(withPoints(model("finite instance to predict at 1e200, clipping off",
      () -> new Instances(base), "-clip -1"), d -> listOf(copyWith(d, 0, 0, 1e200),
        copyWith(d, 1, 1, -1e200), copyWith(d, 2, 2, -Double.MAX_VALUE))));
    t.add(withPoints(model("instance to predict with every value missing",
      () -> new Instances(base), ""), d -> {
        Instance inst = new DenseInstance(d.numAttributes());
        inst.setDataset(d);
        return listOf(inst);
      }));
    t.add(withPoints(model("instance to predict with a nominal value absent from training",
      () -> {
        Instances d = new Instances(base);
        for (Instance inst : d) {
          inst.setValue(3, inst.value(3) == 2 ? 0 : inst.value(3));
        }
        return d;
      }, ""), d -> listOf(copyWith(d, 0, 3, 2))));

    // --- magnitudes
    final Instances unit = planted(M, 4, 5);
    t.add(model("magnitudes near 1e150 (attributes and class)", () -> scaled(unit, 1e150), "",
      scaleInvariant(1e150, unit)));
    t.add(model("magnitudes near 1e-150 (attributes and class)", () -> scaled(unit, 1e-150),
      "", withinClipBounds()));
    t.add(model("magnitudes near 1e-300 (attributes and class)", () -> scaled(unit, 1e-300),
      "", withinClipBounds()));
    t.add(model("attributes at 1e150 and 1e-150 side by side", () -> sideBySide(unit), "",
      withinClipBounds()));
    // Nearly collinear inputs give a unit along a low-variance direction with a narrow clamp
    // interval; the original-units formula must still be shown (it is the unclamped formula).
    t.add(model("two nearly collinear attributes, y = ((x1 - x2) / 0.05)^2 + x3", () -> {
      Instances d = header(new Attribute("x1"), new Attribute("x2"), new Attribute("x3"),
        new Attribute("y"));
      Random rng = new Random(17);
      for (int i = 0; i < 200; i++) {
        double x1 = rng.nextGaussian();
        double x2 = x1 + 0.05 * rng.nextGaussian();
        double x3 = rng.nextGaussian();
        d.add(new DenseInstance(1.0, new double[] {x1, x2, x3,
          Math.pow((x1 - x2) / 0.05, 2) + x3}));
      }
      return d;
    }, "", (d, pn, pred) -> assertTrue(pn.toString().contains(
      "The same network on the original attribute scale (x ="), pn.toString())));
    // One huge value in an irrelevant column (or values near the largest double) must not
    // overflow the standardization, wherever the value sits: once an outlier dominates its
    // column, its size no longer matters, so 1e200 gives the fit that 1e3 gives. The two data
    // sets are not equal (the other rows' standardized values differ by about 1 %), so the fits
    // are compared where they have nearly converged: 60 rows for 5 inputs at rank 3 take
    // thousands of iterations (relative residual 4e-5 after 100, 9e-7 after 1000), and agree to
    // about 1e-6 after 5000.
    for (final int row : new int[] {0, 37}) {
      t.add(model("an irrelevant column, 1 except 1e200 in row " + (row + 1),
        () -> withExtra(unit, new Attribute("outlier"), (i, rng) -> i == row ? 1e200 : 1, 7),
        "-I 5000", sameFitAs(withExtra(unit, new Attribute("outlier"),
          (i, rng) -> i == row ? 1e3 : 1, 7), 1e-5)));
    }
    t.add(model("an irrelevant column at +-1.7e308",
      () -> withExtra(unit, new Attribute("nearMax"),
        (i, rng) -> i % 4 == 0 ? -1.7e308 : 1.7e308, 7), "-I 5000",
      sameFitAs(withExtra(unit, new Attribute("nearMax"), (i, rng) -> i % 4 == 0 ? -1 : 1, 7),
        1e-5)));
    t.add(model("values near 1e150 with a tiny spread (offset 1e150, sd 1)", () -> {
      Instances d = new Instances(unit);
      for (Instance inst : d) {
        inst.setValue(0, inst.value(0) + 1e150);
      }
      return d;
    }, ""));

    // --- targets
    t.add(model("constant target", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        inst.setClassValue(7.25);
      }
      return d;
    }, "", constant(7.25)));
    t.add(model("all-zero target", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        inst.setClassValue(0);
      }
      return d;
    }, "", constant(0)));
    t.add(model("Cauchy heavy-tailed noise on the target", () -> {
      Instances d = planted(200, 4, 7);
      Random rng = new Random(8);
      for (Instance inst : d) {
        inst.setClassValue(inst.classValue() + Math.tan(Math.PI * (rng.nextDouble() - 0.5)));
      }
      return d;
    }, "", withinClipBounds()));
    t.add(model("Cauchy heavy-tailed attributes", () -> {
      Instances d = planted(200, 4, 9);
      Random rng = new Random(10);
      for (Instance inst : d) {
        for (int a = 0; a < 4; a++) {
          inst.setValue(a, Math.tan(Math.PI * (rng.nextDouble() - 0.5)));
        }
        inst.setClassValue(target(inst.toDoubleArray(), 4));
      }
      return d;
    }, "", withinClipBounds()));
    t.add(model("ill-conditioned L (kappa = 1e6)", () -> illConditioned(400, 6, 1e6, 11),
      "-N 2", fitsBetterThan(0.01)));
    t.add(model("ill-conditioned L (kappa = 1e6), EP-ROM unit step",
      () -> illConditioned(400, 6, 1e6, 11), "-N 2 -solver EP-ROM -step unit",
      fitsBetterThan(0.05)));

    // --- attribute structure
    t.add(model("a constant attribute", () -> withExtra(base, new Attribute("const"),
      (i, r) -> 3.0, 1), "", fitsBetterThan(0.5)));
    t.add(model("every attribute constant", () -> {
      Instances d = new Instances(base);
      for (Instance inst : d) {
        for (int a = 0; a < classIdx; a++) {
          inst.setValue(a, a == 3 ? 1 : 2.5);
        }
      }
      return d;
    }, ""));
    t.add(model("duplicated attributes", () -> {
      Instances d = withExtra(planted(M, 3, 12), new Attribute("x0copy"), (i, r) -> 0, 1);
      for (Instance inst : d) {
        inst.setValue(3, inst.value(0));
      }
      return d;
    }, "", fitsBetterThan(0.1)));
    t.add(model("nominal attribute with one value", () -> withExtra(base,
      new Attribute("single", Arrays.asList("only")), (i, r) -> 0, 1), ""));
    t.add(model("nominal attribute with 300 values", () -> {
      List<String> values = new ArrayList<String>();
      for (int v = 0; v < 300; v++) {
        values.add("v" + v);
      }
      return withExtra(base, new Attribute("many", values), (i, r) -> r.nextInt(300), 2);
    }, ""));
    t.add(model("nominal attribute with 300 values, EP-ROM", () -> {
      List<String> values = new ArrayList<String>();
      for (int v = 0; v < 300; v++) {
        values.add("v" + v);
      }
      return withExtra(base, new Attribute("many", values), (i, r) -> r.nextInt(300), 2);
    }, "-solver EP-ROM -I 10"));

    // --- types refused by the capabilities
    t.add(refused("string attribute", () -> {
      return withUnsupported(stringAttribute("comment"), new double[] {0, 1, 0});
    }, "", UnsupportedAttributeTypeException.class, "Cannot handle string attributes",
      "'comment'"));
    t.add(refused("date attribute", () -> withUnsupported(new Attribute("when",
      "yyyy-MM-dd"), new double[] {0, 86400000, 2 * 86400000}), "",
      UnsupportedAttributeTypeException.class, "Cannot handle date attributes", "'when'"));
    t.add(refused("relational attribute", () -> {
      Instances inner = header(new Attribute("a"));
      Attribute rel = new Attribute("bag", inner);
      rel.addRelation(new Instances(inner, 0));
      return withUnsupported(rel, new double[] {0, 0, 0});
    }, "", UnsupportedAttributeTypeException.class, "Cannot handle relational attributes",
      "'bag'"));
    t.add(model("nominal class, two instances", () -> {
      Instances d = header(new Attribute("x0"), new Attribute("label", Arrays.asList("a", "b")));
      d.add(new DenseInstance(1.0, new double[] {1, 0}));
      d.add(new DenseInstance(1.0, new double[] {2, 1}));
      return d;
    }, ""));
    t.add(model("multi-valued nominal class, one value absent", () -> {
      Instances d = header(new Attribute("x0"), new Attribute("label",
        Arrays.asList("a", "b", "c")));
      d.add(new DenseInstance(1.0, new double[] {1, 0}));
      d.add(new DenseInstance(1.0, new double[] {2, 2}));
      return d;
    }, ""));
    t.add(refused("string class", () -> {
      Instances d = header(new Attribute("x0"), stringAttribute("label"));
      d.add(new DenseInstance(1.0, new double[] {1, 0}));
      d.add(new DenseInstance(1.0, new double[] {2, 1}));
      return d;
    }, "", UnsupportedAttributeTypeException.class, "Cannot handle string class", "'label'",
      "numeric class"));
    t.add(refused("no class attribute set", () -> {
      Instances d = new Instances(base);
      d.setClassIndex(-1);
      return d;
    }, "", UnassignedClassException.class, "Class attribute not set"));

    return t.stream();
  }

  /** The option cases: zero, negative, huge and non-numeric values, tags and flags. */
  static Stream<Case> optionCases() throws Exception {
    List<Case> t = new ArrayList<Case>();
    final Instances base = mixed(M, 1);
    final DataFactory d = () -> new Instances(base);
    Class<IllegalArgumentException> iae = IllegalArgumentException.class;
    // -N
    t.add(model("-N 0 (automatic rank)", d, "-N 0"));
    t.add(refused("-N -1", d, "-N -1", iae, "-N", "-1"));
    t.add(model("-N 1000000", d, "-N 1000000"));
    t.add(refused("-N three", d, "-N three", iae, "-N", "'three'"));
    t.add(refused("-N 99999999999 (int overflow)", d, "-N 99999999999", iae, "-N",
      "'99999999999'"));
    // -I
    t.add(refused("-I 0", d, "-I 0", iae, "-I", "0"));
    t.add(refused("-I -5", d, "-I -5", iae, "-I", "-5"));
    t.add(model("-I 1000000", d, "-I 1000000"));
    t.add(refused("-I many", d, "-I many", iae, "-I", "'many'"));
    // -tol
    t.add(model("-tol 0", d, "-tol 0"));
    t.add(refused("-tol -1", d, "-tol -1", iae, "-tol", "-1"));
    t.add(model("-tol 1e300", d, "-tol 1e300"));
    t.add(refused("-tol Infinity", d, "-tol Infinity", iae, "-tol", "Infinity"));
    t.add(refused("-tol NaN", d, "-tol NaN", iae, "-tol", "NaN"));
    t.add(refused("-tol tiny", d, "-tol tiny", iae, "-tol", "'tiny'"));
    // -block-size
    t.add(model("-block-size 0", d, "-block-size 0"));
    t.add(refused("-block-size -1", d, "-block-size -1", iae, "-block-size", "-1"));
    t.add(model("-block-size 1000000", d, "-block-size 1000000"));
    t.add(refused("-block-size big", d, "-block-size big", iae, "-block-size", "'big'"));
    // -krylov-iters
    t.add(model("-krylov-iters 0", d, "-krylov-iters 0"));
    t.add(refused("-krylov-iters -1", d, "-krylov-iters -1", iae, "-krylov-iters", "-1"));
    t.add(model("-krylov-iters 1000000", d, "-krylov-iters 1000000"));
    t.add(refused("-krylov-iters lots", d, "-krylov-iters lots", iae, "-krylov-iters",
      "'lots'"));
    // -head-steps
    t.add(model("-head-steps 0", d, "-head-steps 0"));
    t.add(refused("-head-steps -1", d, "-head-steps -1", iae, "-head-steps", "-1"));
    t.add(model("-head-steps 1000000", d, "-head-steps 1000000"));
    t.add(refused("-head-steps some", d, "-head-steps some", iae, "-head-steps", "'some'"));
    // -validation
    t.add(model("-validation 0", d, "-validation 0"));
    t.add(refused("-validation -0.1", d, "-validation -0.1", iae, "-validation", "-0.1"));
    t.add(model("-validation 0.99", d, "-validation 0.99"));
    t.add(refused("-validation 1e6", d, "-validation 1e6", iae, "-validation", "1000000.0"));
    t.add(refused("-validation half", d, "-validation half", iae, "-validation", "'half'"));
    t.add(model("-validation-runs 100", d, "-validation-runs 100"));
    t.add(refused("-validation-runs 101", d, "-validation-runs 101", iae, "-validation-runs",
      "101", "between 1 and 100"));
    t.add(refused("-validation-runs 2147483647", d, "-validation-runs 2147483647", iae,
      "-validation-runs", "2147483647"));
    // -clip
    t.add(model("-clip 0", d, "-clip 0", withinClipBounds()));
    t.add(model("-clip -1 (off)", d, "-clip -1"));
    t.add(model("-clip 1e308", d, "-clip 1e308"));
    t.add(refused("-clip NaN", d, "-clip NaN", iae, "-clip", "NaN"));
    t.add(refused("-clip wide", d, "-clip wide", iae, "-clip", "'wide'"));
    // -num-threads
    t.add(model("-num-threads 0", d, "-num-threads 0"));
    t.add(refused("-num-threads -1", d, "-num-threads -1", iae, "-num-threads", "-1"));
    t.add(model("-num-threads 1000000", d, "-num-threads 1000000"));
    t.add(refused("-num-threads all", d, "-num-threads all", iae, "-num-threads", "'all'"));
    // -S
    t.add(model("-S 0", d, "-S 0"));
    t.add(model("-S -7", d, "-S -7"));
    t.add(model("-S 2147483647", d, "-S 2147483647"));
    t.add(refused("-S 99999999999 (int overflow)", d, "-S 99999999999", iae, "-S",
      "'99999999999'"));
    t.add(refused("-S seed", d, "-S seed", iae, "-S", "'seed'"));
    // -num-decimal-places (Weka's option; only the report uses it)
    t.add(model("-num-decimal-places 0", d, "-num-decimal-places 0"));
    t.add(model("-num-decimal-places -3", d, "-num-decimal-places -3"));
    t.add(model("-num-decimal-places 300", d, "-num-decimal-places 300"));
    t.add(refused("-num-decimal-places two", d, "-num-decimal-places two", iae,
      "-num-decimal-places", "'two'"));
    // -batch-size (Weka's option)
    t.add(refused("-batch-size 0", d, "-batch-size 0", iae, "-batch-size", "'0'"));
    t.add(refused("-batch-size -1", d, "-batch-size -1", iae, "-batch-size", "'-1'"));
    t.add(model("-batch-size 1000000", d, "-batch-size 1000000"));
    t.add(refused("-batch-size all", d, "-batch-size all", iae, "-batch-size", "'all'"));
    // tags and flags
    t.add(refused("-solver 0", d, "-solver 0", iae, "-solver", "'0'"));
    t.add(refused("-solver -1", d, "-solver -1", iae, "-solver", "'-1'"));
    t.add(refused("-solver SGD", d, "-solver SGD", iae, "-solver", "'SGD'"));
    t.add(refused("-step 0", d, "-step 0", iae, "-step", "'0'"));
    t.add(refused("-step 1e9", d, "-step 1e9", iae, "-step", "'1e9'"));
    t.add(refused("-step big", d, "-step big", iae, "-step", "'big'"));
    t.add(model("every flag and extreme valid value together", d, "-N 1000 -solver AP-ROM-BK "
      + "-step unit -I 1000 -tol 0 -block-size 1000 -krylov-iters 1000 -fresh-sampling "
      + "-no-linear -validation 0.9 -clip 1e300 -num-threads 64 -S -1 -output-debug-info"));
    t.add(refused("unknown option", d, "-bogus 3", Exception.class, "-bogus"));
    t.add(refused("a bare '-' as a value (found by the jqwik property)", d, "-solver -", iae,
      "-solver", "'-'"));
    return t.stream();
  }

  // ------------------------------------------------------------------ the test

  /** What each case got, in the order run: "name | model: ..." or "name | refused: ...". */
  static final List<String> outcomes = new ArrayList<String>();

  /** The fraction of the instances with a class whose most probable class is their own. */
  static double trainingAccuracy(Instances data, PolynomialNetwork pn) throws Exception {
    int right = 0;
    int n = 0;
    for (Instance inst : data) {
      if (!inst.classIsMissing()) {
        right += Utils.maxIndex(pn.distributionForInstance(inst)) == (int) inst.classValue()
          ? 1 : 0;
        n++;
      }
    }
    return n == 0 ? Double.NaN : right / (double) n;
  }

  static int models;
  static int refusals;
  static int predictions;

  /** Runs one case and checks what it must do. */
  static void run(Case c) throws Exception {
    final Instances data = c.data.make();
    DataSnapshot before = DataSnapshot.of(data);
    final PolynomialNetwork pn = new PolynomialNetwork();
    assertTimeoutPreemptively(CASE_TIMEOUT, () -> {
      if (c.kind == Kind.REFUSED) {
        Throwable e = null;
        try {
          pn.setOptions(Utils.splitOptions(c.options));
          pn.buildClassifier(data);
        } catch (Throwable t) {
          e = t;
        }
        assertNotNull(e, c.name + ": expected " + c.exception.getSimpleName());
        assertRefusal(c, e);
        refusals++;
        outcomes.add(c.name + " | refused: " + e.getClass().getSimpleName() + ": "
          + e.getMessage());
        return;
      }
      pn.setOptions(Utils.splitOptions(c.options));
      if (c.options.contains("-output-debug-info")) {
        pn.setDebug(false); // the option parsed; its per-iteration output is not needed here
      }
      pn.buildClassifier(data);
      assertNotNull(pn.toString());
      List<Instance> points = new ArrayList<Instance>();
      for (int i = 0; i < data.numInstances(); i++) {
        points.add(data.instance(i));
      }
      points.addAll(newPoints(data, 5, 13));
      if (c.kind == Kind.PREDICTION_REFUSED) {
        for (Instance bad : c.extraPoints.make(data)) {
          DataSnapshot b = DataSnapshot.of(bad);
          try {
            pn.classifyInstance(bad);
            fail(c.name + ": classifyInstance accepted " + bad);
          } catch (Throwable e) {
            assertRefusal(c, e);
            refusals++;
          }
          b.assertUnchanged(bad, c.name + ", hostile instance");
        }
      } else if (c.extraPoints != null) {
        points.addAll(c.extraPoints.make(data));
      }
      double[] pred = new double[points.size()];
      for (int i = 0; i < points.size(); i++) {
        Instance inst = points.get(i);
        DataSnapshot b = DataSnapshot.of(inst);
        pred[i] = pn.classifyInstance(inst);
        b.assertUnchanged(inst, c.name + ", classifyInstance argument " + (i + 1));
        assertTrue(Double.isFinite(pred[i]), c.name + ": prediction " + pred[i] + " for "
          + inst);
        if (data.classAttribute().isNominal()) {
          assertDistribution(c.name, pn.distributionForInstance(inst), data.numClasses(), inst);
          b.assertUnchanged(inst, c.name + ", distributionForInstance argument " + (i + 1));
        }
        predictions++;
      }
      if (c.sensible != null) {
        c.sensible.check(data, pn, pred);
      }
      models++;
      outcomes.add(c.name + " | model: " + pred.length + " predictions"
        + (data.classAttribute().isNominal() ? " (distributions) checked, training accuracy "
          + String.format(java.util.Locale.ROOT, "%.3f", trainingAccuracy(data, pn)) : " checked")
        + (c.kind == Kind.PREDICTION_REFUSED ? ", the hostile points refused" : ""));
    }, c.name + " did not finish within " + CASE_TIMEOUT);
    before.assertUnchanged(data, c.name + ", training data");
  }

  /** A class distribution: one finite probability in [0, 1] per class, summing to 1. */
  static void assertDistribution(String name, double[] dist, int classes, Instance inst) {
    assertEquals(classes, dist.length, name + ": distribution length for " + inst);
    double sum = 0;
    for (double p : dist) {
      assertTrue(Double.isFinite(p) && p >= 0 && p <= 1, name + ": probability " + p + " in "
        + Arrays.toString(dist) + " for " + inst);
      sum += p;
    }
    assertEquals(1.0, sum, 1e-9, name + ": probabilities " + Arrays.toString(dist) + " for "
      + inst);
  }

  static void assertRefusal(Case c, Throwable e) {
    if (c.exception == Exception.class) {
      assertSame(Exception.class, e.getClass(), c.name + ": " + e);
    } else {
      assertSame(c.exception, e.getClass(), c.name + ": unexpected " + e);
    }
    String msg = e.getMessage();
    assertNotNull(msg, c.name + ": exception without a message");
    for (String w : c.mentions) {
      assertTrue(msg.contains(w), c.name + ": message does not mention " + w + ": " + msg);
    }
  }

  /**
   * New points drawn like the data: numeric values around each attribute's mean (± 2 sd),
   * nominal values uniformly, one in four values missing.
   */
  static List<Instance> newPoints(Instances data, int n, long seed) {
    Random rng = new Random(seed);
    List<Instance> out = new ArrayList<Instance>();
    for (int k = 0; k < n; k++) {
      double[] v = new double[data.numAttributes()];
      for (int a = 0; a < v.length; a++) {
        Attribute att = data.attribute(a);
        if (a == data.classIndex() || rng.nextInt(4) == 0) {
          v[a] = Utils.missingValue();
        } else if (att.isNominal()) {
          v[a] = att.numValues() == 0 ? Utils.missingValue() : rng.nextInt(att.numValues());
        } else {
          double mean = data.numInstances() > 0 ? data.meanOrMode(a) : 0;
          double sd = data.numInstances() > 1 ? Math.sqrt(data.variance(a)) : 1;
          if (!Double.isFinite(mean)) {
            mean = 0;
          }
          if (!Double.isFinite(sd)) {
            sd = 1;
          }
          v[a] = mean + 2 * sd * (2 * rng.nextDouble() - 1);
        }
      }
      Instance inst = new DenseInstance(1.0, v);
      inst.setDataset(data);
      out.add(inst);
    }
    return out;
  }

}
