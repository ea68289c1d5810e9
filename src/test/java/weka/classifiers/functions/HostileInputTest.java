package weka.classifiers.functions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;

/**
 * Hostile inputs, two tables run by the harness {@link HostileInput}: training and prediction
 * data ({@link HostileInput#dataCases()}: sizes, missing values, weights, magnitudes, targets,
 * structure, types) and option values ({@link HostileInput#optionCases()}). Each case must end in
 * a refusal naming what is at fault, or in a model with finite (and, where a right answer exists,
 * right) predictions, the data unchanged.
 */
class HostileInputTest {

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("weka.classifiers.functions.HostileInput#dataCases")
  void hostileData(HostileInput.Case c) throws Exception {
    HostileInput.run(c);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("weka.classifiers.functions.HostileInput#optionCases")
  void hostileOption(HostileInput.Case c) throws Exception {
    HostileInput.run(c);
  }

  /**
   * Standardization follows each column's own magnitude, so a fit does not depend on the scale
   * of the data (up to rounding). {@code Standardization.Accumulator} sums each column (and the
   * class) in units of the power of two at its largest |value|, and {@code scaleOf} calls a
   * column constant (scale 1) only when its sd is at most 1e-12 of its own magnitude
   * (max(1, |mean|) in those units); otherwise the scale is the sd. So a column whose values are
   * all near 1e-150 is standardized like the same column at 1.
   *
   * <p>Checked here: the planted data ({@code HostileInput.planted(M, 4, 5)}) with every value,
   * class included, multiplied by 1e-150, 1e-300 and 1e-20 gives, divided by that factor, the
   * predictions of the unscaled data within 1e-6 · max(1, |prediction|); and with x0 at 1e150 and
   * x1 at 1e-150 in the same data the fit reaches training RRSE < 0.05. The table cases for
   * 1e-150, 1e-300 and the side-by-side data assert less (predictions within the clip bounds).
   */
  @Test
  void tinyMagnitudesAreStandardizedLikeAnyOther() throws Exception {
    Instances unit = HostileInput.planted(HostileInput.M, 4, 5);
    for (double s : new double[] {1e-150, 1e-300, 1e-20}) {
      Instances d = HostileInput.scaled(unit, s);
      PolynomialNetwork pn = new PolynomialNetwork();
      pn.buildClassifier(d);
      double[] pred = new double[d.numInstances()];
      for (int i = 0; i < pred.length; i++) {
        pred[i] = pn.classifyInstance(d.instance(i));
      }
      HostileInput.scaleInvariant(s, unit).check(d, pn, pred);
    }
    Instances d = HostileInput.sideBySide(unit);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.buildClassifier(d);
    double[] pred = new double[d.numInstances()];
    for (int i = 0; i < pred.length; i++) {
      pred[i] = pn.classifyInstance(d.instance(i));
    }
    HostileInput.fitsBetterThan(0.05).check(d, pn, pred);
  }

  @AfterAll
  static void summary() throws Exception {
    System.out.println("HostileInputTest: " + (HostileInput.dataCases().count()
      + HostileInput.optionCases().count()) + " cases; " + HostileInput.models
      + " models built, " + HostileInput.refusals + " refusals checked, "
      + HostileInput.predictions + " finite predictions");
  }
}
