package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.Linalg;

/**
 * The best linear model ŷ = βᵀx + c (optionally ridge-penalised) for the squared loss: the
 * model a fit is compared with at its end, and returned instead when it fits the training rows
 * better (the linear fallback, doc/algorithms.md §4.6).
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
   * @param selection its held-out rows are left out
   * @return {β_1 … β_p, c}
   */
  static double[] fit(RowBlocks blocks, RowSelection selection, double ridge) {
    final int p = blocks.cols();
    double[][] rhs = blocks.aggregate(new Moments(p, null, 0, selection));
    double total = rhs[1][1];
    double[] b = new double[p + 1];
    if (!(total > 0)) {
      return b;
    }
    for (int j = 0; j < p; j++) {
      b[j] = rhs[0][j] / total;
    }
    b[p] = rhs[1][0] / total;
    double[] sol = new double[p + 1];
    double[] r = b.clone();
    double[] dir = b.clone();
    double rr = Linalg.dot(r, r);
    double stop = TOLERANCE * TOLERANCE * rr;
    int limit = Math.min(MAX_ITERATIONS, p + 1);
    for (int it = 0; it < limit && rr > stop; it++) {
      double[] ad = apply(blocks, selection, dir, ridge, total);
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
  private static double[] apply(RowBlocks blocks, RowSelection selection, double[] v,
      double ridge, double total) {
    int p = blocks.cols();
    double[][] res = blocks.aggregate(new Moments(p, java.util.Arrays.copyOf(v, p), v[p],
        selection));
    double[] out = new double[p + 1];
    for (int j = 0; j < p; j++) {
      out[j] = res[0][j] / total + ridge * v[j];
    }
    out[p] = res[1][0] / total;
    return out;
  }

  /**
   * The pass: with e_i = w_i y_i (no β given) or e_i = w_i (βᵀx_i + c), the sums Σ e_i x_i
   * (a p-vector) and {Σ e_i, Σ w_i}, over the rows not held out.
   */
  private static final class Moments implements BlockAggregator<double[][]> {
    private static final long serialVersionUID = 1L;
    private final int p;
    private final double[] beta;
    private final double c;
    private final RowSelection selection;

    Moments(int p, double[] beta, double c, RowSelection selection) {
      this.p = p;
      this.beta = beta;
      this.c = c;
      this.selection = selection;
    }

    @Override
    public double[][] zero() {
      return new double[][] {new double[p], new double[2]};
    }

    @Override
    public double[][] add(double[][] acc, final RowBlock block, final BlockState state) {
      double[][] in = beta == null ? new double[0][] : new double[][] {beta};
      final double[] split = SquaredLossRows.of(state).split;
      FusedRowPass.run(block, in, (i, t, tOff, s, sOff, sum) -> {
        if (!selection.heldOut(split, i)) {
          double e = block.weight(i) * (beta == null ? block.target(i) : t[tOff] + c);
          s[sOff] = e;
          sum[0] += e;
          sum[1] += block.weight(i);
        }
      }, new double[][] {acc[0]}, acc[1], PassKernels.best());
      return acc;
    }

    @Override
    public double[][] merge(double[][] acc, double[][] other) {
      FusedRowPass.addInto(new double[][] {acc[0]}, acc[1], new double[][] {other[0]},
          other[1]);
      return acc;
    }
  }
}
