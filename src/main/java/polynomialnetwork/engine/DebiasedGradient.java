package polynomialnetwork.engine;

import java.util.concurrent.ExecutorService;

/**
 * The debiased gradient of AP-ROM at the current iterate (algorithms.md §2, §5),
 *
 * <pre>  G = (1/2W) [ Σ_i w_i d_i x_i x_iᵀ − (Σ_i w_i d_i) I ],   d = 𝒜(L) + Xβ + c − y,</pre>
 *
 * with W = Σ w_i over the rows of the current batch. For x ~ N(0, I) its mean is L − L*, so
 * L − G is an unbiased estimate of L* (Isserlis' theorem), which is why the unit step works.
 * The same residual gives the linear-term directions Xᵀ(w∘d)/W and mean(d) − tr G (§5).
 *
 * <p>As a {@link SymmetricOperator} it is matrix-free: G·B costs one fused pass over the rows,
 * (Xᵀ diag(w∘d) X B − (Σ w d) B) / 2W, and nothing p×p is allocated (MBK-SVD). {@link
 * #formExplicit} builds the p×p matrix for EP-ROM and BK-SVD.
 */
public final class DebiasedGradient implements SymmetricOperator {

  private final RowBlockPass pass;
  private final double[] weightedResidual; // w_i d_i on batch rows, 0 elsewhere
  private final double sumWeightedResidual;
  private final double batchWeight;
  private final double trace;
  private final double[] linearDirection; // Xᵀ(w∘d)/W, or null
  private final double constantDirection;
  private final int p;

  private DebiasedGradient(RowBlockPass pass, double[] wd, double sumWd, double sumWdNorm,
      double batchWeight, double[] xtwd) {
    this.pass = pass;
    this.p = pass.data().cols();
    this.weightedResidual = wd;
    this.sumWeightedResidual = sumWd;
    this.batchWeight = batchWeight;
    this.trace = (sumWdNorm - p * sumWd) / (2 * batchWeight);
    if (xtwd != null) {
      for (int j = 0; j < p; j++) {
        xtwd[j] /= batchWeight;
      }
    }
    this.linearDirection = xtwd;
    this.constantDirection = sumWd / batchWeight - trace;
  }

  /** The residual at an iterate, and the gradient it defines. */
  public static final class Evaluation {
    /** d_i = ŷ_i − y_i on every row. */
    public final double[] residual;
    /** Σ_i w_i d_i² over all rows. */
    public final double weightedSquaredResidual;
    /** G on the batch rows. */
    public final DebiasedGradient gradient;

    Evaluation(double[] residual, double weightedSquaredResidual, DebiasedGradient gradient) {
      this.residual = residual;
      this.weightedSquaredResidual = weightedSquaredResidual;
      this.gradient = gradient;
    }
  }

  /**
   * One pass over the data: the residual of the model (L, β, c) on every row, and, on the rows
   * where {@code batch} is true (all rows if null), the pieces of G and of the linear directions.
   *
   * @param rowSquaredNorms ‖x_i‖² per row, for tr G in O(m)
   */
  public static Evaluation evaluate(RowBlockPass pass, FactoredSymmetric l, double[] beta,
      final double c, final boolean[] batch, final double[] rowSquaredNorms) {
    final DesignMatrix x = pass.data();
    final int m = x.rows();
    final int r = l.rank();
    final double[] s = l.values();
    final boolean linear = beta != null;
    double[][] in = new double[r + (linear ? 1 : 0)][];
    for (int a = 0; a < r; a++) {
      in[a] = l.vectors()[a];
    }
    if (linear) {
      in[r] = beta;
    }
    final double[] y = x.target();
    final double[] w = x.weights();
    final double[] d = new double[m];
    final double[] wd = new double[m];
    // scalars: 0 Σ w d² (all rows), 1 Σ w d (batch), 2 Σ w d ‖x‖² (batch), 3 Σ w (batch)
    RowKernel kernel = (i, t, tOff, out, oOff, acc) -> {
      double q = 0;
      for (int a = 0; a < r; a++) {
        double z = t[tOff + a];
        q += s[a] * z * z;
      }
      double yhat = q + c + (linear ? t[tOff + r] : 0.0);
      double di = yhat - y[i];
      double wi = w == null ? 1.0 : w[i];
      d[i] = di;
      double wdi = wi * di;
      acc[0] += wdi * di;
      if (batch == null || batch[i]) {
        wd[i] = wdi;
        acc[1] += wdi;
        acc[2] += wdi * rowSquaredNorms[i];
        acc[3] += wi;
        if (linear) {
          out[oOff] = wdi;
        }
      }
    };
    RowBlockPass.Result res = pass.run(in, kernel, linear ? 1 : 0, 4);
    double bw = res.scalars[3] > 0 ? res.scalars[3] : 1.0;
    DebiasedGradient g = new DebiasedGradient(pass, wd, res.scalars[1], res.scalars[2], bw,
        linear ? res.out[0] : null);
    return new Evaluation(d, res.scalars[0], g);
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public double[][] apply(double[][] b) {
    final int k = b.length;
    final double[] wd = weightedResidual;
    final double scale = 1.0 / (2 * batchWeight);
    RowKernel kernel = (i, t, tOff, out, oOff, acc) -> {
      double f = wd[i];
      if (f != 0) {
        f *= scale;
        for (int c = 0; c < k; c++) {
          out[oOff + c] = f * t[tOff + c];
        }
      }
    };
    double[][] out = pass.run(b, kernel, k, 0).out;
    double shift = sumWeightedResidual * scale;
    for (int c = 0; c < k; c++) {
      double[] o = out[c];
      double[] bc = b[c];
      for (int j = 0; j < p; j++) {
        o[j] -= shift * bc[j];
      }
    }
    return out;
  }

  /**
   * (Σ w d)/2W: G plus this multiple of I is half the plain gradient (1/W) Σ w d x xᵀ of the
   * least-squares loss, undoing the debiasing.
   */
  public double debiasShift() {
    return sumWeightedResidual / (2 * batchWeight);
  }

  /** (Σ w d)/W, the plain gradient of the loss in c. */
  public double meanResidual() {
    return sumWeightedResidual / batchWeight;
  }

  /** W, the total weight of the batch rows G is taken over. */
  public double batchWeight() {
    return batchWeight;
  }

  /** tr G = (Σ w d ‖x‖² − p Σ w d) / 2W, computed in O(m). */
  public double trace() {
    return trace;
  }

  /** The β-direction Xᵀ(w∘d)/W (the β-step is β − η·this), or null without a linear term. */
  public double[] linearDirection() {
    return linearDirection;
  }

  /** The c-direction mean_w(d) − tr G (the c-step is c − η·this), algorithms.md §5. */
  public double constantDirection() {
    return constantDirection;
  }

  /**
   * Forms G as an explicit p×p matrix: O(m·p²) time, O(p²) memory. EP-ROM and BK-SVD only.
   * Four rows are accumulated at a time into the upper triangle (a rank-4 update whose inner
   * loop is an axpy over the row), then mirrored.
   */
  public DenseSymmetricMatrix formExplicit(ExecutorService executor, int threads) {
    final DesignMatrix x = pass.data();
    final double[] wd = weightedResidual;
    final int n = p;
    double[][] g = BlockRanges.mapReduce(x.blockCount(), threads, executor,
        (from, to) -> accumulateOuter(x, wd, from, to, pass.kernel()),
        (total, part) -> {
          for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
              total[i][j] += part[i][j];
            }
          }
        });
    double scale = 1.0 / (2 * batchWeight);
    double shift = sumWeightedResidual * scale;
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        double v = g[i][j] * scale;
        g[i][j] = v;
        g[j][i] = v;
      }
      g[i][i] -= shift;
    }
    return new DenseSymmetricMatrix(g);
  }

  private static double[][] accumulateOuter(DesignMatrix x, double[] wd, int fromBlock,
      int toBlock, PassKernel simd) {
    int p = x.cols();
    double[][] g = new double[p][p];
    for (int b = fromBlock; b < toBlock; b++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new SolverInterruptedException();
      }
      double[] blk = x.block(b);
      int n = x.blockSize(b);
      int row0 = x.blockStart(b);
      int i = 0;
      for (; i + 4 <= n; i += 4) {
        double f0 = wd[row0 + i];
        double f1 = wd[row0 + i + 1];
        double f2 = wd[row0 + i + 2];
        double f3 = wd[row0 + i + 3];
        if (f0 == 0 && f1 == 0 && f2 == 0 && f3 == 0) {
          continue;
        }
        int o0 = i * p;
        for (int a = 0; a < p; a++) {
          simd.accumulate4(blk, o0, p, a, f0 * blk[o0 + a], f1 * blk[o0 + p + a],
              f2 * blk[o0 + 2 * p + a], f3 * blk[o0 + 3 * p + a], g[a]);
        }
      }
      for (; i < n; i++) {
        double f = wd[row0 + i];
        if (f == 0) {
          continue;
        }
        int o = i * p;
        for (int a = 0; a < p; a++) {
          PassKernel.accumulate1(blk, o, p, a, f * blk[o + a], g[a]);
        }
      }
    }
    return g;
  }
}
