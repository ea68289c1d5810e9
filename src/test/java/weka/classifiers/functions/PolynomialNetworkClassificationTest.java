package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.data.DesignMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/** PolynomialNetwork with a nominal class: the classifier (doc/algorithms.md §13). */
class PolynomialNetworkClassificationTest {

  /** The rows of a design matrix as instances with a nominal class of {@code classes} values. */
  static Instances instances(DesignMatrix m, int classes, int declared) {
    ArrayList<Attribute> atts = new ArrayList<Attribute>();
    for (int j = 0; j < m.cols(); j++) {
      atts.add(new Attribute("x" + j));
    }
    List<String> values = new ArrayList<String>();
    for (int c = 0; c < declared; c++) {
      values.add("c" + c);
    }
    atts.add(new Attribute("class", values));
    Instances d = new Instances("planted", atts, m.rows());
    d.setClassIndex(m.cols());
    for (int i = 0; i < m.rows(); i++) {
      double[] v = java.util.Arrays.copyOf(m.row(i), m.cols() + 1);
      v[m.cols()] = m.target()[i];
      d.add(new DenseInstance(1.0, v));
    }
    return d;
  }

  static void assertDistributions(PolynomialNetwork pn, Instances data) throws Exception {
    for (Instance inst : data) {
      double[] dist = pn.distributionForInstance(inst);
      assertEquals(data.numClasses(), dist.length);
      double sum = 0;
      for (double p : dist) {
        assertTrue(p >= 0 && p <= 1, "probability " + p);
        sum += p;
      }
      assertEquals(1.0, sum, 1e-12);
      assertEquals(Utils.maxIndex(dist), pn.classifyInstance(inst), 0.0);
    }
  }

  static double accuracy(weka.classifiers.Classifier c, Instances train, Instances test)
    throws Exception {
    Evaluation ev = new Evaluation(train);
    ev.evaluateModel(c, test);
    return ev.pctCorrect() / 100;
  }

  @Test
  void quadraticBoundaryThatNoLinearClassifierSeparates() throws Exception {
    PlantedClassification data = PlantedClassification.of(8, 2, 3000, 2000, 2, 1, false, true,
      5);
    Instances train = instances(data.train, 2, 2);
    Instances test = instances(data.test, 2, 2);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.buildClassifier(train);
    double acc = accuracy(pn, train, test);
    Logistic logistic = new Logistic();
    logistic.buildClassifier(train);
    double linear = accuracy(logistic, train, test);
    System.out.printf("quadratic boundary p=8 r=2: PN %.4f, Logistic %.4f%n", acc, linear);
    assertTrue(acc >= 0.95, "PN accuracy " + acc + "\n" + pn);
    assertTrue(acc >= linear + 0.2, "PN " + acc + " against Logistic " + linear);
    assertDistributions(pn, test);
    assertTrue(pn.toString().contains("log-odds of class = c1 against c0"), pn.toString());
  }

  /** From 8 000 instances the fit starts on row samples, and the model text says so. */
  @Test
  void manyInstancesStartOnSamplesAndTheModelSaysSo() throws Exception {
    PlantedClassification data = PlantedClassification.of(5, 2, 8000, 1000, 2, 3, true, false,
      9);
    Instances train = instances(data.train, 2, 2);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(Utils.splitOptions("-validation 0 -I 20"));
    pn.buildClassifier(train);
    int sampled = (int) pn.getMeasure("measureNumSampledIterations");
    assertTrue(sampled > 0, pn.toString());
    assertTrue(pn.toString().contains(", after " + sampled + " on seeded samples of at most "),
      pn.toString());
    assertDistributions(pn, instances(data.test, 2, 2));
  }

  @Test
  void threeClassesAndADeclaredClassWithoutInstances() throws Exception {
    PlantedClassification data = PlantedClassification.of(6, 2, 3000, 1000, 3, 2, true, false,
      7);
    Instances train = instances(data.train, 3, 4);
    Instances test = instances(data.test, 3, 4);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(Utils.splitOptions("-N 4"));
    pn.buildClassifier(train);
    assertDistributions(pn, test);
    for (Instance inst : test) {
      assertEquals(0.0, pn.distributionForInstance(inst)[3], 0.0, "class c3 has no instances");
    }
    double acc = accuracy(pn, train, test);
    System.out.printf("three classes p=6: PN %.4f, Bayes %.4f%n", acc, data.bayesAccuracy());
    assertTrue(acc >= data.bayesAccuracy() - 0.05, "PN " + acc + "\n" + pn);
    String report = pn.toString();
    assertTrue(report.contains("Score f_c2 (class class = c2)")
      && report.contains("Classes without training instances get probability 0"), report);
    assertEquals(3, pn.getNetworks().length);
  }

  @Test
  void missingClassesAreSkippedAndWeightsMeanCopies() throws Exception {
    PlantedClassification data = PlantedClassification.of(5, 2, 600, 200, 2, 2, true, false, 9);
    Instances train = instances(data.train, 2, 2);
    Instances test = instances(data.test, 2, 2);
    PolynomialNetwork plain = new PolynomialNetwork();
    plain.buildClassifier(train);
    Instances withMissing = new Instances(train);
    for (int i = 0; i < 50; i++) {
      Instance extra = (Instance) test.instance(i).copy();
      extra.setClassMissing();
      withMissing.add(extra);
    }
    PolynomialNetwork skipping = new PolynomialNetwork();
    skipping.buildClassifier(withMissing);
    for (Instance inst : test) {
      assertArrayEquals(plain.distributionForInstance(inst),
        skipping.distributionForInstance(inst), 0.0);
    }
    // weight 2 on the first 100 rows against those rows twice
    Instances weighted = new Instances(train);
    Instances copied = new Instances(train);
    for (int i = 0; i < 100; i++) {
      weighted.instance(i).setWeight(2);
      copied.add((Instance) train.instance(i).copy());
    }
    PolynomialNetwork a = new PolynomialNetwork();
    a.setOptions(Utils.splitOptions("-validation 0 -I 20"));
    a.buildClassifier(weighted);
    PolynomialNetwork b = new PolynomialNetwork();
    b.setOptions(Utils.splitOptions("-validation 0 -I 20"));
    b.buildClassifier(copied);
    for (Instance inst : test) {
      assertArrayEquals(a.distributionForInstance(inst), b.distributionForInstance(inst), 1e-8);
    }
  }

  @Test
  void savedAndLoadedPredictsTheSame() throws Exception {
    PlantedClassification data = PlantedClassification.of(6, 2, 800, 200, 3, 2, true, false, 11);
    Instances train = instances(data.train, 3, 3);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.buildClassifier(train);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    SerializationHelper.write(bytes, pn);
    PolynomialNetwork back = (PolynomialNetwork) SerializationHelper.read(
      new java.io.ByteArrayInputStream(bytes.toByteArray()));
    for (Instance inst : instances(data.test, 3, 3)) {
      double[] p = pn.distributionForInstance(inst);
      double[] q = back.distributionForInstance(inst);
      for (int c = 0; c < p.length; c++) {
        assertEquals(Double.doubleToRawLongBits(p[c]), Double.doubleToRawLongBits(q[c]));
      }
    }
    assertEquals(pn.toString(), back.toString());
  }

  @Test
  void oneClassOnlyIsAConstantModelAndUnitStepIsRefused() throws Exception {
    PlantedClassification data = PlantedClassification.of(4, 1, 50, 10, 2, 2, true, false, 13);
    Instances train = instances(data.train, 2, 2);
    for (Instance inst : train) {
      inst.setClassValue(1);
    }
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.buildClassifier(train);
    assertArrayEquals(new double[] {0, 1}, pn.distributionForInstance(train.instance(0)), 0.0);
    assertTrue(pn.toString().contains("only one class, 'c1'"), pn.toString());

    PolynomialNetwork unit = new PolynomialNetwork();
    unit.setOptions(Utils.splitOptions("-step unit"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> unit.buildClassifier(instances(data.train, 2, 2)));
    assertTrue(e.getMessage().contains("-step search"), e.getMessage());
  }
}
