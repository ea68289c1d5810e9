package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;

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
final class CoreRefit {

  private CoreRefit() {
  }

  /**
   * @param beta linear term, or null (then no bias is fitted either)
   * @param bias the current bias, returned unchanged when beta is null
   * @param selection its held-out rows are left out of the fit
   * @return the refit, or null when the subspace is empty or the system is degenerate
   */
  static CoreFit refit(RowBlocks blocks, FactoredSymmetric l, double[] beta, double bias,
      RowSelection selection) {
    final int r = l.rank();
    if (r == 0) {
      return null;
    }
    final boolean linear = beta != null;
    final int nq = r * (r + 1) / 2;
    final int n = nq + (linear ? 1 : 0);
    double[] acc = blocks.aggregate(new NormalEquations(l, beta, selection));
    double[][] a = new double[n][n];
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        a[i][j] = acc[i * n + j];
        a[j][i] = a[i][j];
      }
      rhs[i] = acc[n * n + i];
    }
    double[] coef = Linalg.pseudoSolve(a, rhs);
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
    return new CoreFit(new FactoredSymmetric(l.dimension(), u, e.values.clone()),
        linear ? coef[nq] : bias);
  }

  /**
   * The pass: with z = Uᵀx and the features f = (z_a z_b for a ≤ b, off-diagonal doubled; 1),
   * the n×n normal matrix Σ w f fᵀ (upper triangle, row-major) and the right-hand sides
   * Σ w f (y − βᵀx), over the rows not held out.
   */
  private static final class NormalEquations implements BlockAggregator<double[]> {
    private static final long serialVersionUID = 1L;
    private final double[][] in;
    private final int r;
    private final boolean linear;
    private final int n;
    private final RowSelection selection;

    NormalEquations(FactoredSymmetric l, double[] beta, RowSelection selection) {
      this.r = l.rank();
      this.linear = beta != null;
      this.n = r * (r + 1) / 2 + (linear ? 1 : 0);
      this.in = new double[r + (linear ? 1 : 0)][];
      for (int a = 0; a < r; a++) {
        in[a] = l.vectors()[a];
      }
      if (linear) {
        in[r] = beta;
      }
      this.selection = selection;
    }

    @Override
    public double[] zero() {
      return new double[n * n + n];
    }

    @Override
    public double[] add(double[] acc, final RowBlock block, final BlockState state) {
      final double[] f = new double[n];
      final double[] split = SquaredLossRows.of(state).split;
      FusedRowPass.run(block, in, (i, t, tOff, out, oOff, sum) -> {
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
        double wi = selection.heldOut(split, i) ? 0.0 : block.weight(i);
        double target = block.target(i) - (linear ? t[tOff + r] : 0.0);
        for (int a = 0; a < n; a++) {
          double wf = wi * f[a];
          int row = a * n;
          for (int b = a; b < n; b++) {
            sum[row + b] += wf * f[b];
          }
          sum[n * n + a] += wf * target;
        }
      }, new double[0][], acc, PassKernels.best());
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
