package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.Linalg;

/**
 * The best linear classifier, the log-loss's {@link Objective#linearModel}: (ridge-)logistic
 * regression for one score, multinomial logistic regression for k, by Newton's method on
 * J(θ) = (1/W) Σ w ℓ + (λ/2) Σ_c ‖β_c‖² (the biases not penalised), each iteration a pass for the
 * gradient and Hessian Σ w H_i ⊗ x̃x̃ᵀ (H_i = σ(1 − σ), or diag(P) − PPᵀ) and passes for a
 * backtracking (Armijo) line search, so J never increases.
 *
 * <p>On separable data the unpenalised optimum is at infinity; λ is therefore at least
 * {@link #MIN_RIDGE} (as Weka's Logistic, whose default ridge is 1e-8), which keeps the
 * coefficients finite. Iterations stop at a Newton decrement below 1e-12 of J or after
 * {@link #MAX_ITERATIONS}. Beyond {@link #MAX_PARAMETERS} parameters (k·(p + 1)) the k²p² Hessian
 * would dominate the fit, and no linear model is returned (all NaN): the comparison is skipped.
 */
final class LogisticRegression {

  static final double MIN_RIDGE = 1e-8;
  static final int MAX_ITERATIONS = 50;
  static final int MAX_PARAMETERS = 1000;

  private LogisticRegression() {
  }

  /** {β, c} in the layout of the optimizer's point (lifted β for k scores, c = 0). */
  static double[] fit(RowBlocks blocks, ClassScores layout, double ridge) {
    int k = layout.scores();
    int q = (layout.linearFeatures() ? layout.inputs() : 0) + 1;
    int n = k * q;
    double[] out = new double[layout.linearDimension() + 1];
    if (n > MAX_PARAMETERS) {
      java.util.Arrays.fill(out, Double.NaN);
      return out;
    }
    double lambda = Math.max(ridge, MIN_RIDGE);
    double[] theta = new double[n];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] sums = blocks.aggregate(new Pass(theta, layout, true));
      double w = sums[0];
      if (!(w > 0)) {
        break;
      }
      double j0 = objective(sums[1], w, theta, k, q, lambda);
      double[] grad = new double[n];
      double[][] hess = new double[n][n];
      for (int a = 0; a < n; a++) {
        grad[a] = sums[2 + a] / w + (penalised(a, q) ? lambda * theta[a] : 0);
        for (int b = a; b < n; b++) {
          double v = sums[2 + n + a * n + b] / w + (a == b && penalised(a, q) ? lambda : 0);
          hess[a][b] = v;
          hess[b][a] = v;
        }
      }
      double[] step = Linalg.pseudoSolve(hess, grad);
      if (step == null) {
        break;
      }
      double decrement = Linalg.dot(grad, step);
      if (!(decrement > 1e-12 * Math.max(j0, 1e-300))) {
        break;
      }
      boolean moved = false;
      for (double t = 1; t > 1e-10; t /= 2) {
        double[] next = theta.clone();
        Linalg.axpy(-t, step, next);
        double[] s = blocks.aggregate(new Pass(next, layout, false));
        if (objective(s[1], s[0], next, k, q, lambda) <= j0 - 1e-4 * t * decrement) {
          theta = next;
          moved = true;
          break;
        }
      }
      if (!moved) {
        break;
      }
    }
    int p = layout.inputs();
    for (int c = 0; c < k; c++) {
      if (layout.linearFeatures()) {
        System.arraycopy(theta, c * q, out, k == 1 ? 0 : c * p, p);
      }
      if (k == 1) {
        out[layout.linearDimension()] = theta[c * q + q - 1];
      } else {
        out[layout.biasIndex(c)] = theta[c * q + q - 1];
      }
    }
    return out;
  }

  /** Whether parameter a is a linear coefficient (penalised) rather than a bias. */
  private static boolean penalised(int a, int q) {
    return a % q != q - 1;
  }

  private static double objective(double lossSum, double w, double[] theta, int k, int q,
      double lambda) {
    double pen = 0;
    for (int a = 0; a < theta.length; a++) {
      if (penalised(a, q)) {
        pen += theta[a] * theta[a];
      }
    }
    return lossSum / w + 0.5 * lambda * pen;
  }

  /**
   * One pass at θ: {W, Σ w ℓ} and, with {@code derivatives}, the gradient Σ w g_c x̃ and the
   * Hessian's upper triangle Σ w H_cd x̃x̃ᵀ (x̃ = (x, 1), or (1) without linear terms).
   */
  private static final class Pass implements BlockAggregator<double[]> {
    private static final long serialVersionUID = 1L;
    private final double[] theta;
    private final ClassScores layout;
    private final boolean derivatives;

    Pass(double[] theta, ClassScores layout, boolean derivatives) {
      this.theta = theta;
      this.layout = layout;
      this.derivatives = derivatives;
    }

    @Override
    public double[] zero() {
      int n = theta.length;
      return new double[2 + (derivatives ? n + n * n : 0)];
    }

    @Override
    public double[] add(double[] acc, RowBlock block, BlockState state) {
      int k = layout.scores();
      int classes = layout.classes();
      int q = theta.length / k;
      int n = theta.length;
      int p = block.cols();
      double[] xt = new double[q];
      double[] f = new double[k];
      double[] g = new double[k];
      double[] prob = new double[k];
      double[] x = block.values();
      for (int i = 0; i < block.rows(); i++) {
        double w = block.weight(i);
        if (w == 0) {
          continue;
        }
        int o = block.offset(i);
        if (q > 1) {
          System.arraycopy(x, o, xt, 0, p);
        }
        xt[q - 1] = 1;
        for (int c = 0; c < k; c++) {
          double s = 0;
          for (int a = 0; a < q; a++) {
            s += theta[c * q + a] * xt[a];
          }
          f[c] = s;
        }
        int y = LogLossPass.classIndex(block.target(i), classes, i);
        acc[0] += w;
        acc[1] += w * ClassScores.loss(f, 0, k, y);
        if (!derivatives) {
          continue;
        }
        ClassScores.gradient(f, 0, k, y, g, 0);
        for (int c = 0; c < k; c++) {
          prob[c] = g[c] + (k > 1 && c == y ? 1 : 0);
        }
        if (k == 1) {
          prob[0] = g[0] + y;
        }
        for (int c = 0; c < k; c++) {
          for (int a = 0; a < q; a++) {
            acc[2 + c * q + a] += w * g[c] * xt[a];
          }
        }
        for (int c = 0; c < k; c++) {
          for (int d = c; d < k; d++) {
            double h = k == 1 ? prob[0] * (1 - prob[0])
                : (c == d ? prob[c] : 0) - prob[c] * prob[d];
            if (h == 0) {
              continue;
            }
            double wh = w * h;
            for (int a = 0; a < q; a++) {
              double v = wh * xt[a];
              int row = 2 + n + (c * q + a) * n + d * q;
              for (int b = (c == d ? a : 0); b < q; b++) {
                acc[row + b] += v * xt[b];
              }
            }
          }
        }
      }
      return acc;
    }

    @Override
    public double[] merge(double[] acc, double[] other) {
      for (int j = 0; j < acc.length; j++) {
        acc[j] += other[j];
      }
      return acc;
    }
  }
}
