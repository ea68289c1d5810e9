package weka.classifiers.functions.activation;

/**
 * Quadratic activation f(x) = x² (derivative 2x) for Weka's {@code MLPRegressor}
 * (multiLayerPerceptrons package), so that MLPRegressor fits the same model class as
 * PolynomialNetwork: Σ_j α_j (w_jᵀx + b_j)² + c, trained by BFGS. Benchmark-only (test sources);
 * set it through {@code MLPRegressor.setActivationFunction}: MLPModel's {@code -A} option fails on
 * the command line ("Illegal options"), because {@code MLPModel.setOptions} hands the options to
 * its superclass before it reads {@code -A} and {@code -L}.
 */
public class Quadratic implements ActivationFunction {

  private static final long serialVersionUID = 1L;

  @Override
  public double activation(double x, double[] d, int i) {
    if (d != null) {
      d[i] = 2 * x;
    }
    return x * x;
  }
}
