package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;

/**
 * The log-loss's step model along an update (doc/algorithms.md §13, {@link Objective#stepModel}):
 * a quadratic majorizer, not the exact loss. A step −Σ_k η_k P_k changes row i's scores by
 * −Σ_k η_k v_ki, v the per-row effects of the head (a_c = xᵀD_c x), of the previous step
 * (e = f − f_previous) and of the linear direction (b_c = Dβ_cᵀx + Db_c). The log-loss's Hessian in
 * the scores is at most B = ¼ (one score) or ½(I − 11ᵀ/k) (Böhning's bound, {@link
 * ClassScores#curvature}), so in the units of {@link Objective}
 *
 * <pre>  F(η) ≤ F − 2 Σ_k η_k Σ_i w_i ⟨g_i, v_ki⟩ + Σ_{k,l} η_k η_l Σ_i w_i v_kiᵀ B v_li,</pre>
 *
 * with equality at η = 0: M[k][C] = Σ w ⟨g, v_k⟩, M[k][l] = Σ w v_kᵀBv_l, M[C][C] = F on the batch.
 * The model's minimiser therefore decreases F on the batch rows before the tail projection; the
 * bound is loose where the probabilities are confident (σ(1 − σ) ≪ ¼), which costs iterations,
 * not correctness. One pass.
 */
final class LogLossStepModel implements BlockAggregator<double[]> {

  private static final long serialVersionUID = 1L;

  private static final int N = StepModel.SIZE;
  private static final int C = StepModel.CURRENT;

  private final ClassScores layout;
  private final double[][] in;
  private final double[] values;
  private final int headRank;
  private final double[][][] denseBlocks;
  private final boolean linear;
  private final boolean linearFeatures;
  private final double[] linearConstants;
  private final boolean momentum;
  private final RowSelection selection;

  LogLossStepModel(ClassScores layout, UpdateDirection d, RowSelection selection) {
    this.layout = layout;
    int k = layout.scores();
    int p = layout.inputs();
    this.linear = d.linear != null;
    this.linearFeatures = linear && layout.linearFeatures();
    this.headRank = d.head == null ? 0 : d.head.rank();
    int per = headRank + (linearFeatures ? 1 : 0);
    this.in = new double[k * per][];
    for (int c = 0; c < k; c++) {
      for (int a = 0; a < headRank; a++) {
        in[c * per + a] = k == 1 ? d.head.vectors()[a] : layout.block(d.head.vectors()[a], c);
      }
      if (linearFeatures) {
        in[c * per + headRank] = layout.linearTerm(d.linear, c);
      }
    }
    this.values = d.head == null ? new double[0] : d.head.values();
    if (d.denseHead != null) {
      denseBlocks = new double[k][p][p];
      double[][] rows = d.denseHead.rows();
      for (int c = 0; c < k; c++) {
        for (int a = 0; a < p; a++) {
          System.arraycopy(rows[c * p + a], c * p, denseBlocks[c][a], 0, p);
        }
      }
    } else {
      denseBlocks = null;
    }
    this.linearConstants = new double[k];
    for (int c = 0; c < k && linear; c++) {
      linearConstants[c] = layout.bias(d.linear, d.constant, c);
    }
    this.momentum = d.withPrevious;
    this.selection = selection;
  }

  @Override
  public double[] zero() {
    return new double[N * N];
  }

  @Override
  public double[] add(double[] acc, RowBlock block, BlockState state) {
    final LogLossRows rows = LogLossRows.of(state);
    final double[] f = rows.scores;
    final double[] prev = momentum ? rows.previousScores : null;
    final double[] split = rows.split;
    final double[] batch = rows.batch;
    final boolean restricted = selection.restricts();
    final int k = layout.scores();
    final int classes = layout.classes();
    final int per = headRank + (linearFeatures ? 1 : 0);
    final double[] lam = values;
    final double[] v = new double[3 * k];
    final double[] g = new double[k];
    final double[] x = block.values();
    final int p = block.cols();
    FusedRowPass.run(block, in, (i, t, tOff, out, oOff, sum) -> {
      if (restricted && !selection.fits(split, batch, i)) {
        return;
      }
      for (int c = 0; c < k; c++) {
        int base = tOff + c * per;
        double a = 0;
        if (denseBlocks != null) {
          a = quadraticForm(denseBlocks[c], x, block.offset(i), p);
        } else {
          for (int j = 0; j < headRank; j++) {
            double z = t[base + j];
            a += lam[j] * z * z;
          }
        }
        v[StepModel.HEAD * k + c] = a;
        v[StepModel.PREVIOUS * k + c] = prev == null ? 0 : f[i * k + c] - prev[i * k + c];
        v[StepModel.LINEAR * k + c] = !linear ? 0
            : (linearFeatures ? t[base + headRank] : 0) + linearConstants[c];
      }
      int y = LogLossPass.classIndex(block.target(i), classes, i);
      double w = block.weight(i);
      ClassScores.gradient(f, i * k, k, y, g, 0);
      for (int m = 0; m < 3; m++) {
        double vg = 0;
        for (int c = 0; c < k; c++) {
          vg += v[m * k + c] * g[c];
        }
        sum[m * N + C] += w * vg;
        for (int l = m; l < 3; l++) {
          sum[m * N + l] += w * ClassScores.curvature(v, m * k, v, l * k, k);
        }
      }
      sum[C * N + C] += 2 * w * ClassScores.loss(f, i * k, k, y);
    }, new double[0][], acc, PassKernels.best());
    return acc;
  }

  private static double quadraticForm(double[][] d, double[] x, int o, int p) {
    double q = 0;
    for (int a = 0; a < p; a++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += d[a][j] * x[o + j];
      }
      q += x[o + a] * s;
    }
    return q;
  }

  @Override
  public double[] merge(double[] acc, double[] other) {
    for (int j = 0; j < acc.length; j++) {
      acc[j] += other[j];
    }
    return acc;
  }

  /** The symmetric 4×4 model from the pass's upper triangle. */
  static double[][] matrix(double[] g) {
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
