package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernel;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;

/**
 * The step search's pass (doc/algorithms.md §4): the weighted Gram matrix, over the rows the
 * step is fitted on, of the four per-row quantities the exact step needs — the effect of a unit
 * L-step a_i = x_iᵀDx_i, the effect of the previous step e_i = d_i − d_i(previous) (momentum
 * only), the effect of a unit linear step b_i = Dβᵀx_i + Dc, and the residual d_i. The residual
 * and its predecessor come from the blocks' state; D is factored (AP-ROM: a_i = Σ λ_a (v_aᵀx_i)²,
 * O(p·k) per row) or dense (EP-ROM: O(p²) per row). The 4×4 result is the squared loss's step
 * model ({@link Objective#stepModel}), exact.
 */
final class StepGram implements BlockAggregator<double[]> {

  private static final long serialVersionUID = 1L;

  /** Indices of the four quantities in the Gram matrix ({@link StepModel}). */
  private static final int HEAD = StepModel.HEAD;
  private static final int PREVIOUS = StepModel.PREVIOUS;
  private static final int LINEAR = StepModel.LINEAR;
  private static final int RESIDUAL = StepModel.CURRENT;
  private static final int N = StepModel.SIZE;

  /** Rows of G per tile of {@link #quadraticForms}. */
  static final int TILE_ROWS = 64;
  /** Columns of G per tile of {@link #quadraticForms} (a 64 × 256 tile is 128 KB, for L2). */
  static final int TILE_COLS = 256;

  private final double[][] vectors;
  private final double[] values;
  private final double[][] dense;
  private final double[] dBeta;
  private final double dC;
  private final boolean momentum;
  private final RowSelection selection;
  /** Non-null: keep each row's projections onto the factored head beside it, under this token. */
  private final transient Object keepProjectionsToken;
  /** Whether the pass keeps projections (and so updates the state). */
  private final boolean keep;

  /**
   * @param headL D factored (AP-ROM), or null when {@code headDense} is given (EP-ROM)
   * @param dBeta the linear direction, or null without a linear term
   * @param momentum whether to include the previous step's effect
   * @param keepProjectionsToken non-null to keep Vᵀx_i of the factored head V beside the rows
   *     under this token ({@link SquaredLossRows#projections}), null not to
   */
  StepGram(FactoredSymmetric headL, DenseSymmetricMatrix headDense, double[] dBeta, double dC,
      boolean momentum, RowSelection selection, Object keepProjectionsToken) {
    this.vectors = headL == null ? null : headL.vectors();
    this.values = headL == null ? null : headL.values();
    this.dense = headDense == null ? null : headDense.rows();
    this.dBeta = dBeta;
    this.dC = dC;
    this.momentum = momentum;
    this.selection = selection;
    this.keepProjectionsToken = headL == null ? null : keepProjectionsToken;
    this.keep = this.keepProjectionsToken != null;
  }

  /**
   * The arrays to keep the projections in: those of the last search, overwritten, when they have
   * the shape. Projections are kept only where state is cheap to update (in memory), where no
   * pass is retried and the evaluation that read them has ended, so the state's rule of never
   * writing into an array found there is not needed; and new arrays each pass measured 1.3 ms
   * slower per pass at p = 200, m = 20 000 (fresh heap pages faulted in: 0.4 ms with
   * -XX:+AlwaysPreTouch). The token is cleared until the new numbers are in.
   */
  private static double[][] keptArrays(SquaredLossRows rows, int k, int n) {
    double[][] old = rows.projections;
    rows.projectionsToken = null;
    if (old != null && old.length == k && (k == 0 || old[0].length == n)) {
      return old;
    }
    return new double[k][n];
  }

  @Override
  public boolean updatesState() {
    return keep;
  }

  @Override
  public double[] zero() {
    return new double[N * N];
  }

  @Override
  public double[] add(final double[] acc, final RowBlock block, final BlockState state) {
    final SquaredLossRows own = keep ? SquaredLossRows.forUpdate(state)
        : SquaredLossRows.of(state);
    final double[] d = own.residual;
    final double[] prev = momentum ? own.previousResidual : null;
    final double[] split = own.split;
    final double[] batch = own.batch;
    final boolean restricted = selection.restricts();
    if (dense != null) {
      int p = block.cols();
      double[] x = block.values();
      int n = block.rows();
      int[] rows = new int[n];
      int used = 0;
      for (int i = 0; i < n; i++) {
        if (!restricted || selection.fits(split, batch, i)) {
          rows[used++] = i;
        }
      }
      double[] fitted = x;
      if (used < n) {
        fitted = new double[used * p];
        for (int u = 0; u < used; u++) {
          System.arraycopy(x, rows[u] * p, fitted, u * p, p);
        }
      }
      double[] q = quadraticForms(dense, fitted, used, p, PassKernels.best());
      double[] row = new double[p];
      for (int u = 0; u < used; u++) {
        int i = rows[u];
        double b = 0;
        if (dBeta != null) {
          System.arraycopy(x, i * p, row, 0, p);
          b = Linalg.dot(dBeta, row) + dC;
        }
        addRow(acc, block.weight(i), q[u], prev == null ? 0 : d[i] - prev[i], b, d[i]);
      }
      return acc;
    }
    final int k = vectors.length;
    final double[] lam = values;
    final double[][] kept = keep ? keptArrays(own, k, block.rows())
        : null;
    double[][] in = new double[k + (dBeta != null ? 1 : 0)][];
    System.arraycopy(vectors, 0, in, 0, k);
    if (dBeta != null) {
      in[k] = dBeta;
    }
    FusedRowPass.run(block, in, (i, t, tOff, out, oOff, sum) -> {
      if (kept != null) {
        for (int a = 0; a < k; a++) {
          kept[a][i] = t[tOff + a];
        }
      }
      if (restricted && !selection.fits(split, batch, i)) {
        return;
      }
      double q = 0;
      for (int a = 0; a < k; a++) {
        double z = t[tOff + a];
        q += lam[a] * z * z;
      }
      double b = dBeta == null ? 0 : t[tOff + k] + dC;
      addRow(sum, block.weight(i), q, prev == null ? 0 : d[i] - prev[i], b, d[i]);
    }, new double[0][], acc, PassKernels.best());
    if (kept != null) {
      own.projections = kept;
      own.projectionsToken = keepProjectionsToken;
    }
    return acc;
  }

  /**
   * x_iᵀGx_i for the n rows of a row-major block (stride p), G symmetric (only its upper
   * triangle is read): Σ_a G_aa x_a² + 2 Σ_{a<j} x_a G_aj x_j, tiled so that each 128 KB tile of G is read from L2 for every four rows
   * rather than all of G from memory, and half the work of a full row-by-row xᵀ(Gx).
   * {@code scripts/dense-kernels.sh} (1024 rows, one thread, 512-bit Vector API kernel, shared
   * machine, two runs): p = 800 0.026 s against 0.25 s row by row and 0.26 s for F2J dgemm GX;
   * p = 1600 0.10 s against 1.03–1.05 s and 1.19–1.60 s (portable kernel: 0.41 s against 1.53 s).
   */
  static double[] quadraticForms(double[][] g, double[] blk, int n, int p, PassKernel simd) {
    double[] q = new double[n];
    double[] d4 = new double[4];
    int n4 = n - n % 4;
    for (int j0 = 0; j0 < p; j0 += TILE_COLS) {
      int j1 = Math.min(p, j0 + TILE_COLS);
      for (int a0 = 0; a0 < j1; a0 += TILE_ROWS) {
        int a1 = Math.min(j1, a0 + TILE_ROWS);
        for (int i = 0; i < n4; i += 4) {
          int o0 = i * p;
          double q0 = 0;
          double q1 = 0;
          double q2 = 0;
          double q3 = 0;
          for (int a = a0; a < a1; a++) {
            int from = Math.max(a + 1, j0);
            if (from >= j1) {
              continue;
            }
            simd.dot4(blk, o0, p, from, j1, g[a], d4);
            q0 += blk[o0 + a] * d4[0];
            q1 += blk[o0 + p + a] * d4[1];
            q2 += blk[o0 + 2 * p + a] * d4[2];
            q3 += blk[o0 + 3 * p + a] * d4[3];
          }
          q[i] += q0;
          q[i + 1] += q1;
          q[i + 2] += q2;
          q[i + 3] += q3;
        }
        for (int i = n4; i < n; i++) {
          int o = i * p;
          double qi = 0;
          for (int a = a0; a < a1; a++) {
            double[] ga = g[a];
            double s = 0;
            for (int j = Math.max(a + 1, j0); j < j1; j++) {
              s += ga[j] * blk[o + j];
            }
            qi += blk[o + a] * s;
          }
          q[i] += qi;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int o = i * p;
      double diag = 0;
      for (int a = 0; a < p; a++) {
        double xa = blk[o + a];
        diag += g[a][a] * xa * xa;
      }
      q[i] = 2 * q[i] + diag;
    }
    return q;
  }

  private static void addRow(double[] g, double w, double a, double e, double b, double d) {
    double wa = w * a;
    double we = w * e;
    double wb = w * b;
    g[HEAD * N + HEAD] += wa * a;
    g[HEAD * N + PREVIOUS] += wa * e;
    g[HEAD * N + LINEAR] += wa * b;
    g[HEAD * N + RESIDUAL] += wa * d;
    g[PREVIOUS * N + PREVIOUS] += we * e;
    g[PREVIOUS * N + LINEAR] += we * b;
    g[PREVIOUS * N + RESIDUAL] += we * d;
    g[LINEAR * N + LINEAR] += wb * b;
    g[LINEAR * N + RESIDUAL] += wb * d;
    g[RESIDUAL * N + RESIDUAL] += w * d * d;
  }

  @Override
  public double[] merge(double[] acc, double[] other) {
    for (int j = 0; j < acc.length; j++) {
      acc[j] += other[j];
    }
    return acc;
  }

  /** Runs the pass and returns the symmetric 4×4 Gram matrix. */
  static double[][] of(RowBlocks blocks, StepGram pass) {
    double[] g = blocks.aggregate(pass);
    double[][] out = new double[N][N];
    for (int r = 0; r < N; r++) {
      for (int c = r; c < N; c++) {
        out[r][c] = g[r * N + c];
        out[c][r] = g[r * N + c];
      }
    }
    return out;
  }
}
