package polynomialnetwork.engine;

/**
 * Least-squares refit of the core of the iterate on its own subspace (algorithms.md §6 (a)):
 * given L = U S Uᵀ and the linear term β, find the symmetric r×r matrix S (and the bias c) that
 * minimise Σ w_i (y_i − z_iᵀ S z_i − βᵀx_i − c)² with z_i = Uᵀx_i. The features are the
 * r(r+1)/2 products z_a z_b (off-diagonal ones doubled) and 1, so the normal equations are tiny
 * and one pass over the data accumulates them.
 *
 * <p>Why: the debiased gradient only points the right way in expectation, and only for Gaussian
 * inputs; this step needs no assumption on x and makes each iterate the best model on the
 * subspace the gradient found.
 */
public final class CoreRefit {

  private CoreRefit() {
  }

  /** The refitted iterate and bias. */
  public static final class Refit {
    public final FactoredSymmetric interaction;
    public final double bias;

    Refit(FactoredSymmetric interaction, double bias) {
      this.interaction = interaction;
      this.bias = bias;
    }
  }

  /**
   * @param beta linear term, or null (then no bias is fitted either)
   * @param bias the current bias, returned unchanged when beta is null
   * @param exclude rows to leave out of the fit (held out for validation), or null
   * @return the refit, or null when the subspace is empty or the system is degenerate
   */
  public static Refit refit(RowBlockPass pass, FactoredSymmetric l, double[] beta, double bias,
      final boolean[] exclude) {
    final int r = l.rank();
    if (r == 0) {
      return null;
    }
    final boolean linear = beta != null;
    final int nq = r * (r + 1) / 2;
    final int n = nq + (linear ? 1 : 0);
    double[][] in = new double[r + (linear ? 1 : 0)][];
    for (int a = 0; a < r; a++) {
      in[a] = l.vectors()[a];
    }
    if (linear) {
      in[r] = beta;
    }
    final DesignMatrix x = pass.data();
    final double[] y = x.target();
    final double[] w = x.weights();
    // scalars: the n×n normal matrix (row-major), then the n right-hand sides
    RowKernel kernel = (i, t, tOff, out, oOff, acc) -> {
      double[] f = new double[n];
      int q = 0;
      for (int a = 0; a < r; a++) {
        double za = t[tOff + a];
        f[q++] = za * za;
        for (int b = a + 1; b < r; b++) {
          f[q++] = 2 * za * t[tOff + b];
        }
      }
      if (linear) {
        f[q] = 1;
      }
      double wi = exclude != null && exclude[i] ? 0.0 : w == null ? 1.0 : w[i];
      double target = y[i] - (linear ? t[tOff + r] : 0.0);
      for (int a = 0; a < n; a++) {
        double wf = wi * f[a];
        int row = a * n;
        for (int b = a; b < n; b++) {
          acc[row + b] += wf * f[b];
        }
        acc[n * n + a] += wf * target;
      }
    };
    double[] acc = pass.run(in, kernel, 0, n * n + n).scalars;
    double[][] a = new double[n][n];
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        a[i][j] = acc[i * n + j];
        a[j][i] = a[i][j];
      }
      rhs[i] = acc[n * n + i];
    }
    double[] coef = pseudoSolve(a, rhs);
    if (coef == null) {
      return null;
    }
    double[][] s = new double[r][r];
    int q = 0;
    for (int i = 0; i < r; i++) {
      s[i][i] = coef[q++];
      for (int j = i + 1; j < r; j++) {
        s[i][j] = coef[q];
        s[j][i] = coef[q++];
      }
    }
    Linalg.Eigen e = Linalg.symmetricEigen(s);
    int[] all = e.leading(r);
    double[][] u = Linalg.combine(l.vectors(), e.vectors, all);
    return new Refit(new FactoredSymmetric(l.dimension(), u, e.values.clone()),
        linear ? coef[nq] : bias);
  }

  /** Minimum-norm solution of the symmetric PSD system, dropping directions below 1e-12·‖A‖. */
  static double[] pseudoSolve(double[][] a, double[] rhs) {
    int n = rhs.length;
    Linalg.Eigen e = Linalg.symmetricEigen(a);
    double top = Math.abs(e.values[0]);
    if (!(top > 0)) {
      return null;
    }
    double[] x = new double[n];
    for (int c = 0; c < n; c++) {
      double lam = e.values[c];
      if (lam <= 1e-12 * top) {
        continue;
      }
      double proj = 0;
      for (int i = 0; i < n; i++) {
        proj += e.vectors[i][c] * rhs[i];
      }
      proj /= lam;
      for (int i = 0; i < n; i++) {
        x[i] += proj * e.vectors[i][c];
      }
    }
    return Linalg.allFinite(x) ? x : null;
  }
}
