package weka.classifiers.functions;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;

/**
 * Weka's own classifier test suite (CheckClassifier, CheckOptionHandler, CheckGOE and the
 * regression reference {@code src/test/resources/wekarefs/weka/classifiers/functions/
 * PolynomialNetworkTest.ref}) run on {@link PolynomialNetwork} with its default options.
 */
public class PolynomialNetworkTest extends AbstractClassifierTest {

  public PolynomialNetworkTest(String name) {
    super(name);
  }

  @Override
  public Classifier getClassifier() {
    return new PolynomialNetwork();
  }

  public static Test suite() {
    return new TestSuite(PolynomialNetworkTest.class);
  }

  public static void main(String[] args) {
    junit.textui.TestRunner.run(suite());
  }
}
