package weka.classifiers.functions;

import java.util.ArrayList;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.core.Instances;

/**
 * Weka's own classifier test suite (CheckClassifier, CheckOptionHandler, CheckGOE and the
 * regression reference {@code src/test/resources/wekarefs/weka/classifiers/functions/
 * PolynomialNetworkTest.ref}) run on {@link PolynomialNetwork} with its default options.
 *
 * <p>The regression reference holds the predictions rounded to {@link #REFERENCE_DIGITS}
 * significant digits, so that it tracks the model and not the last bits of the engine's
 * summation order (which changes with its kernels); any real change of the fit still shows.
 * An intended change of the numbers means deleting the .ref and running the test once.
 */
public class PolynomialNetworkTest extends AbstractClassifierTest {

  public PolynomialNetworkTest(String name) {
    super(name);
  }

  /** Significant digits of the predictions kept in the regression reference. */
  static final int REFERENCE_DIGITS = 10;

  @Override
  public Classifier getClassifier() {
    return new PolynomialNetwork();
  }

  @Override
  protected ArrayList<Prediction> useClassifier(Instances data) throws Exception {
    ArrayList<Prediction> exact = super.useClassifier(data);
    ArrayList<Prediction> rounded = new ArrayList<Prediction>(exact.size());
    for (Prediction p : exact) {
      rounded.add(new NumericPrediction(p.actual(), round(p.predicted()), p.weight()));
    }
    return rounded;
  }

  static double round(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(REFERENCE_DIGITS))
      .doubleValue();
  }

  public static Test suite() {
    return new TestSuite(PolynomialNetworkTest.class);
  }

  public static void main(String[] args) {
    junit.textui.TestRunner.run(suite());
  }
}
