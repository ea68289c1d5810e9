package polynomialnetwork.engine;

import java.util.Random;

/**
 * Seeded planted problems of algorithms.md §8: y = xᵀL*x (+ βᵀx + c) (+ noise), L* = Σ α_j w_j
 * w_jᵀ with orthonormal w_j (QR of a Gaussian p×r block), x ~ N(0, I).
 */
public final class PlantedProblem {

  public final DesignMatrix data;
  public final FactoredSymmetric truth;
  public final double[] beta;
  public final double bias;

  private PlantedProblem(DesignMatrix data, FactoredSymmetric truth, double[] beta, double bias) {
    this.data = data;
    this.truth = truth;
    this.beta = beta;
    this.bias = bias;
  }

  /** Builder-style description of a planted problem. */
  public static final class Spec {
    int p = 100;
    int r = 5;
    int m = 8000;
    double noise = 0;
    double kappa = 1; // |α_j| = κ^{-(j-1)/(r-1)}
    boolean linear = false;
    long seed = 1;

    public Spec p(int v) {
      p = v;
      return this;
    }

    public Spec r(int v) {
      r = v;
      return this;
    }

    public Spec m(int v) {
      m = v;
      return this;
    }

    public Spec noise(double v) {
      noise = v;
      return this;
    }

    public Spec kappa(double v) {
      kappa = v;
      return this;
    }

    public Spec linear(boolean v) {
      linear = v;
      return this;
    }

    public Spec seed(long v) {
      seed = v;
      return this;
    }

    public PlantedProblem build() {
      return PlantedProblem.build(this);
    }
  }

  public static Spec spec() {
    return new Spec();
  }

  static PlantedProblem build(Spec s) {
    Random rng = new Random(s.seed);
    double[][] g = new double[s.r][s.p];
    for (double[] col : g) {
      for (int i = 0; i < s.p; i++) {
        col[i] = rng.nextGaussian();
      }
    }
    double[][] w = Linalg.orthonormalize(g, new double[0][], 1e-12);
    double[] alpha = new double[s.r];
    for (int j = 0; j < s.r; j++) {
      double mag = s.r == 1 ? 1 : Math.pow(s.kappa, -(double) j / (s.r - 1));
      alpha[j] = (rng.nextBoolean() ? 1 : -1) * mag;
    }
    FactoredSymmetric truth = new FactoredSymmetric(s.p, w, alpha);
    double[] beta = null;
    double bias = 0;
    if (s.linear) {
      beta = new double[s.p];
      for (int i = 0; i < s.p; i++) {
        beta[i] = rng.nextGaussian() / Math.sqrt(s.p);
      }
      bias = 0.3 + rng.nextGaussian();
    }
    DesignMatrix.Builder b = new DesignMatrix.Builder(s.p, s.m);
    double[] x = new double[s.p];
    for (int i = 0; i < s.m; i++) {
      for (int j = 0; j < s.p; j++) {
        x[j] = rng.nextGaussian();
      }
      double y = truth.quadraticForm(x) + bias;
      if (beta != null) {
        y += Linalg.dot(beta, x);
      }
      y += s.noise * rng.nextGaussian();
      b.addRow(x, y, 1.0);
    }
    return new PlantedProblem(b.build(false), truth, beta, bias);
  }

  /** ‖L̂ − L*‖_F / ‖L*‖_F. */
  public double relativeError(FitResult fit) {
    return fit.interaction().distance(truth) / truth.frobeniusNorm();
  }
}
