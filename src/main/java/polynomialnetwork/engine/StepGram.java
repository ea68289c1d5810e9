package polynomialnetwork.engine;

/**
 * The step search's pass (doc/algorithms.md §4): the weighted Gram matrix, over the rows the
 * step is fitted on, of the four per-row quantities the exact step needs — the effect of a unit
 * L-step a_i = x_iᵀDx_i, the effect of the previous step e_i = d_i − d_i(previous) (momentum
 * only), the effect of a unit linear step b_i = Dβᵀx_i + Dc, and the residual d_i. The residual
 * and its predecessor come from the blocks' state; D is factored (AP-ROM: a_i = Σ λ_a (v_aᵀx_i)²,
 * O(p·k) per row) or dense (EP-ROM: O(p²) per row). The 4×4 result is all {@link StepSize} needs.
 */
final class StepGram implements BlockAggregator<double[]> {

  private static final long serialVersionUID = 1L;

  /** Indices of the four quantities in the Gram matrix. */
  static final int HEAD = 0;
  static final int PREVIOUS = 1;
  static final int LINEAR = 2;
  static final int RESIDUAL = 3;
  static final int N = 4;

  private final double[][] vectors;
  private final double[] values;
  private final double[][] dense;
  private final double[] dBeta;
  private final double dC;
  private final boolean momentum;
  private final RowSelection selection;

  /**
   * @param headL D factored (AP-ROM), or null when {@code headDense} is given (EP-ROM)
   * @param dBeta the linear direction, or null without a linear term
   * @param momentum whether to include the previous step's effect
   */
  StepGram(FactoredSymmetric headL, DenseSymmetricMatrix headDense, double[] dBeta, double dC,
      boolean momentum, RowSelection selection) {
    this.vectors = headL == null ? null : headL.vectors();
    this.values = headL == null ? null : headL.values();
    this.dense = headDense == null ? null : headDense.rows();
    this.dBeta = dBeta;
    this.dC = dC;
    this.momentum = momentum;
    this.selection = selection;
  }

  @Override
  public double[] zero() {
    return new double[N * N];
  }

  @Override
  public double[] add(final double[] acc, final RowBlock block, final RowState state) {
    final double[] d = state.residual;
    final double[] prev = momentum ? state.previousResidual : null;
    final boolean restricted = selection.restricts();
    if (dense != null) {
      int p = block.cols();
      double[] row = new double[p];
      double[] x = block.values();
      for (int i = 0; i < block.rows(); i++) {
        if (restricted && !selection.fits(state, i)) {
          continue;
        }
        System.arraycopy(x, i * p, row, 0, p);
        double q = 0;
        for (int j = 0; j < p; j++) {
          q += row[j] * Linalg.dot(dense[j], row, p);
        }
        double b = dBeta == null ? 0 : Linalg.dot(dBeta, row) + dC;
        addRow(acc, block.weight(i), q, prev == null ? 0 : d[i] - prev[i], b, d[i]);
      }
      return acc;
    }
    final int k = vectors.length;
    final double[] lam = values;
    double[][] in = new double[k + (dBeta != null ? 1 : 0)][];
    System.arraycopy(vectors, 0, in, 0, k);
    if (dBeta != null) {
      in[k] = dBeta;
    }
    FusedRowPass.run(block, in, (i, t, tOff, out, oOff, sum) -> {
      if (restricted && !selection.fits(state, i)) {
        return;
      }
      double q = 0;
      for (int a = 0; a < k; a++) {
        double z = t[tOff + a];
        q += lam[a] * z * z;
      }
      double b = dBeta == null ? 0 : t[tOff + k] + dC;
      addRow(sum, block.weight(i), q, prev == null ? 0 : d[i] - prev[i], b, d[i]);
    }, new double[0][], acc, PassKernel.best());
    return acc;
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
