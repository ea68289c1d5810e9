package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weka.classifiers.functions.HostileInput.model;
import static weka.classifiers.functions.HostileInput.refused;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.core.Utils;

/**
 * The hostile-input table for a nominal class, run by the harness {@link HostileInput} (which,
 * for a nominal class, requires every distribution, on the training instances and on new points,
 * to be finite, in [0, 1] and to sum to 1). Each case is a data set and options, answered by a
 * refusal naming what is at fault or by a model; where a right answer exists, the case checks it.
 */
final class HostileClassificationInput {

  private HostileClassificationInput() {
  }

  /** Rows of the base data sets. */
  static final int M = 300;

  /** Labels a row from its attribute values. */
  interface Labeler {
    int label(double[] x, Random rng);
  }

  /**
   * Numeric x0..x(p−1) (standard normal), a nominal class "class" with {@code k} declared values
   * c0..c(k−1) last, labelled by {@code labeler}.
   */
  static Instances labelled(int m, int p, int k, long seed, Labeler labeler) {
    ArrayList<Attribute> atts = new ArrayList<Attribute>();
    for (int j = 0; j < p; j++) {
      atts.add(new Attribute("x" + j));
    }
    List<String> classes = new ArrayList<String>();
    for (int c = 0; c < k; c++) {
      classes.add("c" + c);
    }
    atts.add(new Attribute("class", classes));
    Instances data = new Instances("labelled", atts, m);
    data.setClassIndex(p);
    Random rng = new Random(seed);
    for (int i = 0; i < m; i++) {
      double[] v = new double[p + 1];
      for (int j = 0; j < p; j++) {
        v[j] = rng.nextGaussian();
      }
      v[p] = labeler.label(v, rng);
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  /** Two classes by a noisy quadratic score: c1 when (x0 + x1)² − x2² + noise > 0.5. */
  static final Labeler QUADRATIC = (x, rng) ->
    Math.pow(x[0] + x[1], 2) - x[2] * x[2] + 0.3 * rng.nextGaussian() > 0.5 ? 1 : 0;

  /** k classes: the class whose quadratic score x_c² + 0.5 x_{c+1} is largest (p ≥ k + 1). */
  static Labeler largestScore(int k) {
    return (x, rng) -> {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double s = x[c] * x[c] + 0.5 * x[c + 1] + 0.2 * rng.nextGaussian();
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      return best;
    };
  }

  static HostileInput.Sensible accuracyAtLeast(final double min) {
    return (data, pn, pred) -> {
      double acc = HostileInput.trainingAccuracy(data, pn);
      assertTrue(acc >= min, "training accuracy " + acc + " < " + min);
    };
  }

  /** Every distribution puts probability 0 on the classes in {@code absent}. */
  static HostileInput.Sensible noProbabilityFor(final int... absent) {
    return (data, pn, pred) -> {
      for (Instance inst : data) {
        double[] d = pn.distributionForInstance(inst);
        for (int c : absent) {
          assertEquals(0.0, d[c], 0.0, "class " + c + " has no training weight");
        }
      }
    };
  }

  /** The same distribution for every instance: {@code expected}. */
  static HostileInput.Sensible constantDistribution(final double... expected) {
    return (data, pn, pred) -> {
      for (Instance inst : data) {
        assertArrayEquals(expected, pn.distributionForInstance(inst), 1e-12, inst.toString());
      }
    };
  }

  /** Saved and read back, the model gives the same distributions bit for bit. */
  static final HostileInput.Sensible PERSISTS = (data, pn, pred) -> {
    PolynomialNetwork back = (PolynomialNetwork) new SerializedObject(pn).getObject();
    for (Instance inst : data) {
      assertArrayEquals(pn.distributionForInstance(inst), back.distributionForInstance(inst),
        0.0, "reloaded model, " + inst);
    }
  };

  /** A second fit with the same options gives the same distributions bit for bit. */
  static final HostileInput.Sensible DETERMINISTIC = (data, pn, pred) -> {
    PolynomialNetwork again = new PolynomialNetwork();
    again.setOptions(pn.getOptions());
    again.buildClassifier(data);
    for (Instance inst : data) {
      assertArrayEquals(pn.distributionForInstance(inst), again.distributionForInstance(inst),
        0.0, "second fit, " + inst);
    }
  };

  static Stream<HostileInput.Case> cases() throws Exception {
    List<HostileInput.Case> t = new ArrayList<HostileInput.Case>();
    final Instances two = labelled(M, 4, 2, 1, QUADRATIC);
    final Instances three = labelled(M, 4, 3, 2, largestScore(3));

    // --- degenerate class distributions
    t.add(model("one class present of two declared", () -> labelled(M, 4, 2, 3, (x, r) -> 1),
      "", constantDistribution(0, 1)));
    t.add(refused("a unary class (one value declared)", () -> labelled(M, 4, 1, 3,
      (x, r) -> 0), "", weka.core.UnsupportedAttributeTypeException.class, "'class'",
      "one value declared, 'c0'", "at least two"));
    t.add(refused("a nominal class with no values declared", () -> {
      Instances d = labelled(10, 2, 0, 3, (x, r) -> 0);
      for (Instance inst : d) {
        inst.setClassMissing();
      }
      return d;
    }, "", weka.core.UnsupportedAttributeTypeException.class, "'class'", "no values declared",
      "at least two"));
    t.add(model("two of five declared classes present", () -> labelled(M, 4, 5, 4,
      (x, r) -> QUADRATIC.label(x, r) * 3), "", (d, pn, pred) -> {
        noProbabilityFor(1, 2, 4).check(d, pn, pred);
        accuracyAtLeast(0.8).check(d, pn, pred);
      }));
    t.add(model("12 classes, 600 rows", () -> labelled(600, 13, 12, 5, largestScore(12)),
      "", accuracyAtLeast(0.3)));
    t.add(model("40 declared classes, 3 present", () -> labelled(M, 4, 40, 6,
      (x, r) -> 10 * largestScore(3).label(x, r)), "", accuracyAtLeast(0.5)));
    t.add(model("heavy imbalance: 1 % in the minority class", () -> {
      Instances d = labelled(1000, 4, 2, 7, (x, r) -> 0);
      for (int i = 0; i < 10; i++) {
        d.instance(i * 97).setClassValue(1);
      }
      return d;
    }, ""));
    t.add(model("a single instance of one class among 300", () -> {
      Instances d = labelled(M, 4, 2, 8, (x, r) -> 0);
      d.instance(17).setClassValue(1);
      return d;
    }, ""));
    t.add(model("all class values missing", () -> {
      Instances d = new Instances(two);
      for (Instance inst : d) {
        inst.setClassMissing();
      }
      return d;
    }, "", constantDistribution(0.5, 0.5)));
    t.add(model("no instances", () -> new Instances(two, 0), "",
      constantDistribution(0.5, 0.5)));

    // --- separable data (the scores must stay finite)
    t.add(model("linearly separable with a wide margin", () -> labelled(M, 4, 2, 9,
      (x, r) -> x[0] > 0 ? 1 : 0), "", accuracyAtLeast(0.97)));
    t.add(model("linearly separable, points far out on both sides", () -> {
      Instances d = labelled(M, 3, 2, 10, (x, r) -> x[0] > 0 ? 1 : 0);
      for (Instance inst : d) {
        inst.setValue(0, inst.value(0) + (inst.classValue() == 1 ? 50 : -50));
      }
      return d;
    }, "", accuracyAtLeast(1.0)));
    t.add(model("separable by a quadratic boundary (inside / outside a circle)",
      () -> labelled(M, 3, 2, 11, (x, r) -> x[0] * x[0] + x[1] * x[1] < 1.4 ? 1 : 0), "",
      accuracyAtLeast(0.95)));
    t.add(model("three classes separable by a quadratic boundary",
      () -> labelled(M, 3, 3, 12, (x, r) -> {
        double s = x[0] * x[0] + x[1] * x[1];
        return s < 0.7 ? 0 : s < 2 ? 1 : 2;
      }), "", accuracyAtLeast(0.9)));

    // --- contradictory labels
    t.add(model("every instance twice, with both labels", () -> {
      Instances d = labelled(150, 4, 2, 13, (x, r) -> 0);
      Instances out = new Instances(d, 300);
      for (Instance inst : d) {
        out.add(inst);
        Instance flipped = (Instance) inst.copy();
        flipped.setClassValue(1);
        out.add(flipped);
      }
      return out;
    }, "", (d, pn, pred) -> {
      for (Instance inst : d) {
        double[] p = pn.distributionForInstance(inst);
        assertEquals(0.5, p[0], 0.1, "contradictory labels: " + Arrays.toString(p));
      }
    }));
    t.add(model("identical inputs, mixed labels (2:1)", () -> {
      Instances d = labelled(M, 3, 2, 14, (x, r) -> 0);
      for (int i = 0; i < d.numInstances(); i++) {
        for (int a = 0; a < 3; a++) {
          d.instance(i).setValue(a, 1.5);
        }
        d.instance(i).setClassValue(i % 3 == 0 ? 1 : 0);
      }
      return d;
    }, "", (d, pn, pred) -> assertEquals(1.0 / 3, pn.distributionForInstance(d.instance(0))[1],
      0.02)));

    // --- extreme and non-finite attribute values
    t.add(model("attribute values near 1e300", () -> scaled(two, 1e300), "",
      accuracyAtLeast(0.75)));
    t.add(model("attribute values near 1e-300", () -> scaled(two, 1e-300), "",
      accuracyAtLeast(0.75)));
    t.add(model("one attribute at 1e150, another at 1e-150", () -> {
      Instances d = new Instances(two);
      for (Instance inst : d) {
        inst.setValue(0, inst.value(0) * 1e150);
        inst.setValue(1, inst.value(1) * 1e-150);
      }
      return d;
    }, ""));
    t.add(refused("+Infinity attribute value", () -> {
      Instances d = new Instances(two);
      d.instance(4).setValue(2, Double.POSITIVE_INFINITY);
      return d;
    }, "", IllegalArgumentException.class, "'x2'", "Infinity", "instance 5"));
    t.add(model("NaN attribute values (missing)", () -> {
      Instances d = new Instances(two);
      for (int i = 0; i < d.numInstances(); i += 4) {
        d.instance(i).setValue(1, Double.NaN);
      }
      return d;
    }, ""));
    t.add(model("a constant attribute and one missing everywhere", () -> {
      Instances d = new Instances(two);
      for (Instance inst : d) {
        inst.setValue(2, 7.0);
        inst.setMissing(3);
      }
      return d;
    }, ""));

    // --- weights and missing classes
    t.add(model("half the class values missing", () -> {
      Instances d = new Instances(two);
      for (int i = 0; i < d.numInstances(); i += 2) {
        d.instance(i).setClassMissing();
      }
      return d;
    }, "", accuracyAtLeast(0.75)));
    t.add(model("all weights zero (no information: the uniform distribution)", () -> {
      Instances d = new Instances(two);
      for (Instance inst : d) {
        inst.setWeight(0);
      }
      return d;
    }, "", constantDistribution(0.5, 0.5)));
    t.add(model("one class weighs zero", () -> {
      Instances d = new Instances(three);
      for (Instance inst : d) {
        if (inst.classValue() == 2) {
          inst.setWeight(0);
        }
      }
      return d;
    }, "", noProbabilityFor(2)));
    t.add(model("weights 1e-300 and 1e300 side by side", () -> {
      Instances d = new Instances(two);
      for (int i = 0; i < d.numInstances(); i++) {
        d.instance(i).setWeight(i % 2 == 0 ? 1e-300 : 1e300);
      }
      return d;
    }, ""));
    t.add(model("every weight 1e300", () -> {
      Instances d = new Instances(two);
      for (Instance inst : d) {
        inst.setWeight(1e300);
      }
      return d;
    }, "", accuracyAtLeast(0.75)));
    t.add(refused("infinite instance weight", () -> {
      Instances d = new Instances(two);
      d.instance(2).setWeight(Double.POSITIVE_INFINITY);
      return d;
    }, "", IllegalArgumentException.class, "instance 3", "weight"));

    // --- tiny and wide data
    t.add(model("one instance", () -> new Instances(two, 0, 1), "",
      (d, pn, pred) -> assertEquals(1.0,
        pn.distributionForInstance(d.instance(0))[(int) d.instance(0).classValue()], 0.0)));
    t.add(model("two instances of different classes", () -> {
      Instances d = new Instances(two, 0);
      d.add(two.instance(0));
      Instance other = (Instance) two.instance(1).copy();
      other.setClassValue(1 - two.instance(0).classValue());
      d.add(other);
      return d;
    }, ""));
    t.add(model("three instances, three classes", () -> labelled(3, 4, 3, 15,
      new Labeler() {
        private int next;

        @Override
        public int label(double[] x, Random rng) {
          return next++;
        }
      }), ""));
    t.add(model("wide: 200 attributes, 40 instances", () -> labelled(40, 200, 2, 16,
      QUADRATIC), ""));
    t.add(model("wide, three classes: 120 attributes, 30 instances", () -> labelled(30, 120, 3,
      17, largestScore(3)), "-N 2"));

    // --- options at their limits
    t.add(model("-N 0 (rank by held-out log-loss)", () -> new Instances(two), "-N 0",
      accuracyAtLeast(0.8)));
    t.add(model("-N 0, three classes", () -> new Instances(three), "-N 0"));
    t.add(model("-N 50 (more units than attributes)", () -> new Instances(three), "-N 50"));
    t.add(model("-I 1", () -> new Instances(three), "-I 1"));
    t.add(model("-tol 0.5", () -> new Instances(two), "-tol 0.5"));
    t.add(model("-tol 0 -I 300", () -> new Instances(two), "-tol 0 -I 300"));
    t.add(model("-ridge 1e6 (scores shrink toward the priors)", () -> new Instances(two),
      "-ridge 1e6", (d, pn, pred) -> {
        for (Instance inst : d) {
          double[] p = pn.distributionForInstance(inst);
          assertTrue(Math.abs(p[1] - p[0]) < 0.5, Arrays.toString(p));
        }
      }));
    t.add(model("-validation 0.9", () -> new Instances(two), "-validation 0.9"));
    t.add(model("-validation 0", () -> new Instances(two), "-validation 0"));
    t.add(model("-solver EP-ROM, three classes", () -> new Instances(three),
      "-solver EP-ROM"));
    t.add(model("-solver AP-ROM-BK -fresh-sampling", () -> new Instances(three),
      "-solver AP-ROM-BK -fresh-sampling"));
    t.add(model("-no-linear", () -> new Instances(three), "-no-linear"));
    t.add(model("-block-size 1 -krylov-iters 1", () -> new Instances(three),
      "-block-size 1 -krylov-iters 1"));
    t.add(refused("-step unit for a nominal class", () -> new Instances(two), "-step unit",
      IllegalArgumentException.class, "-step unit", "nominal"));

    // --- prediction: values not seen in training, missing everywhere
    t.add(HostileInput.withPoints(model("a nominal attribute value unseen in training", () -> {
      Instances d = withColour(two);
      for (Instance inst : d) {
        if (inst.value(4) == 2) {
          inst.setValue(4, 0);
        }
      }
      return d;
    }, ""), d -> {
      List<Instance> points = new ArrayList<Instance>();
      for (int i = 0; i < 3; i++) {
        Instance inst = (Instance) d.instance(i).copy();
        inst.setValue(4, 2);
        inst.setDataset(d);
        points.add(inst);
      }
      return points;
    }));
    t.add(HostileInput.withPoints(model("an instance with every value missing",
      () -> new Instances(three), ""), d -> {
        Instance inst = new DenseInstance(d.numAttributes());
        inst.setDataset(d);
        return HostileInput.listOf(inst);
      }));
    t.add(HostileInput.withPoints(model("an instance far outside the training range",
      () -> new Instances(three), ""), d -> {
        Instance inst = new DenseInstance(1.0, new double[] {1e6, -1e6, 1e6, 1e6, 0});
        inst.setDataset(d);
        return HostileInput.listOf(inst);
      }));

    // --- persistence and determinism
    t.add(model("saved and reloaded: the same distributions", () -> new Instances(three), "",
      PERSISTS));
    t.add(model("refitted: the same distributions", () -> new Instances(three), "-S 7",
      DETERMINISTIC));
    t.add(model("refitted with threads: the same distributions", () -> new Instances(three),
      "-num-threads 2", DETERMINISTIC));
    return t.stream();
  }

  /** The data with every attribute value (the class's too, being an index, is kept) scaled. */
  static Instances scaled(Instances data, double scale) {
    Instances out = new Instances(data);
    for (Instance inst : out) {
      for (int a = 0; a < out.numAttributes(); a++) {
        if (a != out.classIndex()) {
          inst.setValue(a, inst.value(a) * scale);
        }
      }
    }
    return out;
  }

  /** The data with a nominal attribute 'colour' (red, green, blue) inserted before the class. */
  static Instances withColour(Instances data) {
    Instances out = new Instances(data);
    out.insertAttributeAt(new Attribute("colour", Arrays.asList("red", "green", "blue")),
      out.classIndex());
    Random rng = new Random(3);
    for (Instance inst : out) {
      inst.setValue(out.classIndex() - 1, rng.nextInt(3));
    }
    return out;
  }
}
