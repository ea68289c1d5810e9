package polynomialnetwork.engine;

/**
 * The best linear model ŷ = βᵀx + c (optionally ridge-penalised), the solver's starting point:
 * starting from it, iterate 0 is the linear model, and since the best iterate is what a run
 * returns, the network is never worse on its training rows than the best linear model
 * (issue 8's guarantee), and early stopping can choose 0 iterations, i.e. the linear model.
 *
 * <p>Solved matrix-free by conjugate gradients on the normal equations
 * [(1/W)[X 1]ᵀ diag(w) [X 1] + λ·diag(1…1, 0)] (β, c) = (1/W)[X 1]ᵀ diag(w) y, one pass over
 * the data per iteration and nothing p×p. On standardised columns the system is well
 * conditioned and a few tens of iterations reach the tolerance.
 */
final class LinearLeastSquares {

  /** Relative residual of the normal equations at which CG stops. */
  static final double TOLERANCE = 1e-10;
  /** CG iterations at most (each is one pass with one column). */
  static final int MAX_ITERATIONS = 60;

  private LinearLeastSquares() {
  }

  /**
   * @param exclude rows to leave out (held-out rows), or null
   * @return {β_1 … β_p, c}
   */
  static double[] fit(RowBlockPass pass, final boolean[] exclude, double ridge) {
    final DesignMatrix x = pass.data();
    final int p = x.cols();
    final double[] w = x.weights();
    final double[] y = x.target();
    RowBlockPass.Result rhs = pass.run(new double[0][], (i, t, tOff, s, sOff, acc) -> {
      if (exclude == null || !exclude[i]) {
        double v = (w == null ? 1.0 : w[i]) * y[i];
        s[sOff] = v;
        acc[0] += v;
        acc[1] += w == null ? 1.0 : w[i];
      }
    }, 1, 2);
    double total = rhs.scalars[1];
    double[] b = new double[p + 1];
    if (!(total > 0)) {
      return b;
    }
    for (int j = 0; j < p; j++) {
      b[j] = rhs.out[0][j] / total;
    }
    b[p] = rhs.scalars[0] / total;
    double[] sol = new double[p + 1];
    double[] r = b.clone();
    double[] dir = b.clone();
    double rr = Linalg.dot(r, r);
    double stop = TOLERANCE * TOLERANCE * rr;
    int limit = Math.min(MAX_ITERATIONS, p + 1);
    for (int it = 0; it < limit && rr > stop; it++) {
      double[] ad = apply(pass, exclude, dir, ridge, total);
      double curvature = Linalg.dot(dir, ad);
      if (!(curvature > 0)) {
        break; // the direction is in the null space (e.g. duplicated columns): done
      }
      double step = rr / curvature;
      Linalg.axpy(step, dir, sol);
      Linalg.axpy(-step, ad, r);
      double next = Linalg.dot(r, r);
      double f = next / rr;
      rr = next;
      for (int j = 0; j <= p; j++) {
        dir[j] = r[j] + f * dir[j];
      }
    }
    return sol;
  }

  /** The normal-equation operator applied to v = (β, c): one pass. */
  private static double[] apply(RowBlockPass pass, final boolean[] exclude, double[] v,
      double ridge, double total) {
    final DesignMatrix x = pass.data();
    final int p = x.cols();
    final double[] w = x.weights();
    final double c = v[p];
    double[] beta = java.util.Arrays.copyOf(v, p);
    RowBlockPass.Result res = pass.run(new double[][] {beta}, (i, t, tOff, s, sOff, acc) -> {
      if (exclude == null || !exclude[i]) {
        double e = (w == null ? 1.0 : w[i]) * (t[tOff] + c);
        s[sOff] = e;
        acc[0] += e;
      }
    }, 1, 1);
    double[] out = new double[p + 1];
    for (int j = 0; j < p; j++) {
      out[j] = res.out[0][j] / total + ridge * v[j];
    }
    out[p] = res.scalars[0] / total;
    return out;
  }
}
