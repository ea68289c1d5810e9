package polynomialnetwork.engine;

import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import java.util.Random;

/**
 * Seeded planted problems of doc/algorithms.md §11: y = xᵀL*x (+ βᵀx + c) (+ noise), L* = Σ α_j w_j
 * w_jᵀ with orthonormal w_j (QR of a Gaussian p×r block), x ~ N(0, I).
 */
public final class PlantedProblem {

  /**
   * The settings the engine tests fit with: the defaults, but one run on all rows (no early
   * stopping, so iteration counts are those of Algorithm 1), one thread (so sums run in one
   * order) and tolerance 1e-10 (planted problems are recovered far below the default 1e-8).
   */
  public static SolverSettings singleRun() {
    return SolverSettings.DEFAULTS.validationFraction(0).validationRuns(1).threads(1)
        .tolerance(1e-10);
  }

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
    Distribution distribution = Distribution.GAUSSIAN;

    /** Feature distribution; non-Gaussian features are standardised (empirical mean 0, sd 1). */
    public Spec distribution(Distribution v) {
      distribution = v;
      return this;
    }

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

  /** Input distributions for the non-Gaussian recovery checks. */
  public enum Distribution {
    GAUSSIAN, UNIFORM, BINARY, LOGNORMAL,
    /** Gaussian with a random covariance of condition number 10. */
    CORRELATED
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
    // Gaussian rows are drawn interleaved with the noise, as in the first version of this class,
    // so that the seeds behind the published sweeps keep their data.
    double[][] xs = s.distribution == Distribution.GAUSSIAN ? null : features(s, rng);
    DesignMatrix.Builder b = new DesignMatrix.Builder(s.p, s.m);
    for (int i = 0; i < s.m; i++) {
      double[] x = xs != null ? xs[i] : gaussianRow(s.p, rng);
      double y = truth.quadraticForm(x) + bias;
      if (beta != null) {
        y += Linalg.dot(beta, x);
      }
      y += s.noise * rng.nextGaussian();
      b.addRow(x, y, 1.0);
    }
    return new PlantedProblem(b.build(false), truth, beta, bias);
  }

  private static double[] gaussianRow(int p, Random rng) {
    double[] x = new double[p];
    for (int j = 0; j < p; j++) {
      x[j] = rng.nextGaussian();
    }
    return x;
  }

  private static double[][] features(Spec s, Random rng) {
    double[][] x = new double[s.m][s.p];
    double[][] q = null;
    double[] sd = null;
    if (s.distribution == Distribution.CORRELATED) {
      double[][] g = new double[s.p][s.p];
      for (double[] c : g) {
        for (int i = 0; i < s.p; i++) {
          c[i] = rng.nextGaussian();
        }
      }
      q = Linalg.orthonormalize(g, new double[0][], 1e-12);
      sd = new double[s.p];
      for (int k = 0; k < s.p; k++) {
        sd[k] = Math.sqrt(Math.pow(10, (double) k / Math.max(1, s.p - 1)));
      }
    }
    for (int i = 0; i < s.m; i++) {
      for (int j = 0; j < s.p; j++) {
        switch (s.distribution) {
          case UNIFORM:
            x[i][j] = (rng.nextDouble() - 0.5) * Math.sqrt(12);
            break;
          case BINARY:
            x[i][j] = rng.nextBoolean() ? 1 : -1;
            break;
          case LOGNORMAL:
            x[i][j] = Math.exp(0.5 * rng.nextGaussian());
            break;
          default:
            x[i][j] = rng.nextGaussian();
        }
      }
      if (q != null) {
        // x = Q diag(√λ) z: covariance Q diag(λ) Qᵀ, λ from 1 to 10
        double[] z = x[i];
        double[] out = new double[s.p];
        for (int k = 0; k < s.p; k++) {
          Linalg.axpy(sd[k] * z[k], q[k], out);
        }
        x[i] = out;
      }
    }
    if (s.distribution != Distribution.GAUSSIAN) {
      for (int j = 0; j < s.p; j++) {
        double mu = 0;
        for (int i = 0; i < s.m; i++) {
          mu += x[i][j];
        }
        mu /= s.m;
        double ss = 0;
        for (int i = 0; i < s.m; i++) {
          ss += (x[i][j] - mu) * (x[i][j] - mu);
        }
        double f = 1 / Math.sqrt(ss / s.m);
        for (int i = 0; i < s.m; i++) {
          x[i][j] = (x[i][j] - mu) * f;
        }
      }
    }
    return x;
  }

  /**
   * The relative error that is identifiable: ‖L̂ − L*‖_F / ‖L*‖_F, or for ±1 features, whose
   * squares are constant so that diag(L) merges into the bias, the same on the off-diagonal part.
   */
  public double identifiableError(FitResult fit, Distribution d) {
    if (d != Distribution.BINARY) {
      return relativeError(fit);
    }
    double[][] est = fit.network().interactionMatrix();
    double[][] tru = DenseSymmetricMatrix.of(truth).rows();
    double num = 0;
    double den = 0;
    for (int i = 0; i < tru.length; i++) {
      for (int j = 0; j < tru.length; j++) {
        if (i != j) {
          num += (est[i][j] - tru[i][j]) * (est[i][j] - tru[i][j]);
          den += tru[i][j] * tru[i][j];
        }
      }
    }
    return Math.sqrt(num / den);
  }

  /** ‖L̂ − L*‖_F / ‖L*‖_F. */
  public double relativeError(FitResult fit) {
    return fit.interaction().distance(truth) / truth.frobeniusNorm();
  }
}
