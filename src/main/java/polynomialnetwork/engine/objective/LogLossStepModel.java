package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.Linalg;

/**
 * The log-loss's step model along an update (doc/algorithms.md §13, {@link Objective#stepModel}):
 * the log-loss has no closed-form best step, so it is found by Newton's method on the per-row
 * directional values. A step −Σ_k η_k P_k changes row i's scores by −Σ_k η_k v_ki, v the per-row
 * effects of the head (a_c = xᵀD_c x), of the previous step (e = f − f_previous) and of the linear
 * direction (b_c = Dβ_cᵀx + Db_c). One pass over the rows computes and keeps v; then
 * F(η) = 2 Σ w ℓ(f − Σ_k η_k v_k) is minimised over the (up to three) step coefficients by
 * damped Newton with an Armijo backtracking, each iteration one cheap pass over the kept per-row
 * numbers (no row of x is read). So F(η*) ≤ F(0): the step decreases the log-loss on the batch
 * rows before the tail projection.
 *
 * <p>The optimizer receives this as the quadratic with the exact Hessian at η* whose minimiser
 * is η*: M[k][l] = ½ ∇²F(η*), M[k][C] = ½ ∇²F(η*) η*, M[C][C] = F(0). (The Böhning bound
 * B = ¼ or ½(I − 11ᵀ/k) on the Hessian would give a majorizer
 * with no search, but its steps are too short once the probabilities are confident:
 * σ(1 − σ) ≪ ¼; measured on iris, it left the network behind linear logistic regression after
 * 100 iterations.)
 */
final class LogLossStepModel {

  private static final int N = StepModel.SIZE;
  private static final int C = StepModel.CURRENT;
  private static final int DIRECTIONS = 3;
  /** Newton iterations on η; each is one pass over the kept per-row numbers. */
  static final int NEWTON_ITERATIONS = 12;

  private LogLossStepModel() {
  }

  /** The step model: the directions' pass, then Newton on η. */
  static double[][] of(RowBlocks blocks, ClassScores layout, UpdateDirection d,
      RowSelection batch) {
    boolean[] active = {true, d.withPrevious, d.linear != null};
    double[] eta = new double[DIRECTIONS];
    double[] at = blocks.aggregate(new DirectionPass(layout, d, batch));
    double f0 = at[0];
    for (int it = 0; it < NEWTON_ITERATIONS; it++) {
      double[] grad = new double[DIRECTIONS];
      double[][] hess = new double[DIRECTIONS][DIRECTIONS];
      unpack(at, active, grad, hess);
      double[] step = newtonStep(grad, hess);
      double decrement = step == null ? 0 : -Linalg.dot(grad, step);
      if (!(decrement > 1e-12 * Math.max(at[0], Double.MIN_NORMAL))) {
        break;
      }
      boolean moved = false;
      for (double t = 1; t > 1e-6; t /= 2) {
        double[] trial = eta.clone();
        Linalg.axpy(t, step, trial);
        double[] s = blocks.aggregate(new LinePass(layout, trial, batch));
        if (s[0] <= at[0] - 1e-4 * t * decrement) {
          eta = trial;
          at = s;
          moved = true;
          break;
        }
      }
      if (!moved) {
        break;
      }
    }
    double[] grad = new double[DIRECTIONS];
    double[][] hess = new double[DIRECTIONS][DIRECTIONS];
    unpack(at, active, grad, hess);
    double[][] m = new double[N][N];
    for (int k = 0; k < DIRECTIONS; k++) {
      double hk = 0;
      for (int l = 0; l < DIRECTIONS; l++) {
        m[k][l] = 0.5 * hess[k][l];
        hk += hess[k][l] * eta[l];
      }
      m[k][C] = 0.5 * hk;
      m[C][k] = m[k][C];
    }
    m[C][C] = f0;
    return m;
  }

  /** {F, ∂F/∂η (3), ∇²F (3×3)} from a pass's sums, inactive directions zeroed. */
  private static void unpack(double[] at, boolean[] active, double[] grad, double[][] hess) {
    for (int k = 0; k < DIRECTIONS; k++) {
      grad[k] = active[k] ? at[1 + k] : 0;
      for (int l = 0; l < DIRECTIONS; l++) {
        hess[k][l] = active[k] && active[l] ? at[1 + DIRECTIONS + k * DIRECTIONS + l] : 0;
      }
    }
  }

  /**
   * −H⁻¹g on the directions with curvature, scaled to unit diagonal with a tiny ridge so that
   * the step depends continuously on the data; null when no direction has curvature.
   */
  private static double[] newtonStep(double[] grad, double[][] hess) {
    int n = DIRECTIONS;
    double[] scale = new double[n];
    boolean any = false;
    for (int k = 0; k < n; k++) {
      scale[k] = hess[k][k] > 0 ? 1 / Math.sqrt(hess[k][k]) : 0;
      any |= scale[k] > 0;
    }
    if (!any) {
      return null;
    }
    double[][] h = new double[n][n];
    double[] rhs = new double[n];
    for (int k = 0; k < n; k++) {
      for (int l = 0; l < n; l++) {
        h[k][l] = hess[k][l] * scale[k] * scale[l];
      }
      h[k][k] += 1e-10;
      rhs[k] = -grad[k] * scale[k];
    }
    double[] x = Linalg.pseudoSolve(h, rhs);
    if (x == null) {
      return null;
    }
    for (int k = 0; k < n; k++) {
      x[k] *= scale[k];
    }
    return x;
  }

  /**
   * Adds row i's F, gradient and Hessian in η at scores f − Σ_k η_k v_k into {@code sum}
   * ({1 + 3 + 9} numbers), the row's scores at {@code f[fOff ..)} and its directions at
   * {@code v[vOff ..)} (3 blocks of {@code k}).
   */
  private static void addRow(double[] sum, double w, int y, int k, double[] f, int fOff,
      double[] v, int vOff, double[] eta, double[] work) {
    // work: shifted scores [0, k), gradient [k, 2k), Hessian-vector products [2k, 5k)
    for (int c = 0; c < k; c++) {
      double s = f[fOff + c];
      for (int d = 0; d < DIRECTIONS; d++) {
        s -= eta[d] * v[vOff + d * k + c];
      }
      work[c] = s;
    }
    sum[0] += 2 * w * ClassScores.loss(work, 0, k, y);
    ClassScores.gradient(work, 0, k, y, work, k);
    for (int d = 0; d < DIRECTIONS; d++) {
      double gv = 0;
      for (int c = 0; c < k; c++) {
        gv += work[k + c] * v[vOff + d * k + c];
      }
      sum[1 + d] -= 2 * w * gv;
    }
    // the Hessian of ℓ in the scores: σ(1 − σ), or diag(P) − PPᵀ with P = g + e_y
    for (int d = 0; d < DIRECTIONS; d++) {
      for (int c = 0; c < k; c++) {
        double hv;
        if (k == 1) {
          double prob = work[k] + y;
          hv = prob * (1 - prob) * v[vOff + d];
        } else {
          double pc = work[k + c] + (c == y ? 1 : 0);
          double pv = 0;
          for (int e = 0; e < k; e++) {
            pv += (work[k + e] + (e == y ? 1 : 0)) * v[vOff + d * k + e];
          }
          hv = pc * (v[vOff + d * k + c] - pv);
        }
        work[2 * k + d * k + c] = hv;
      }
    }
    for (int d = 0; d < DIRECTIONS; d++) {
      for (int e = 0; e < DIRECTIONS; e++) {
        double h = 0;
        for (int c = 0; c < k; c++) {
          h += v[vOff + d * k + c] * work[2 * k + e * k + c];
        }
        sum[1 + DIRECTIONS + d * DIRECTIONS + e] += 2 * w * h;
      }
    }
  }

  private static double[] sum(double[] acc, double[] other) {
    for (int j = 0; j < acc.length; j++) {
      acc[j] += other[j];
    }
    return acc;
  }

  /** The pass that computes and keeps v, and sums F and its derivatives at η = 0. */
  private static final class DirectionPass implements BlockAggregator<double[]> {
    private static final long serialVersionUID = 1L;
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

    DirectionPass(ClassScores layout, UpdateDirection d, RowSelection selection) {
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
      return new double[1 + DIRECTIONS + DIRECTIONS * DIRECTIONS];
    }

    @Override
    public boolean updatesState() {
      return true;
    }

    @Override
    public double[] add(double[] acc, RowBlock block, BlockState state) {
      final LogLossRows rows = LogLossRows.forUpdate(state);
      final double[] f = rows.scores;
      final double[] prev = momentum ? rows.previousScores : null;
      final double[] split = rows.split;
      final double[] batch = rows.batch;
      final boolean restricted = selection.restricts();
      final int k = layout.scores();
      final int classes = layout.classes();
      final int per = headRank + (linearFeatures ? 1 : 0);
      final double[] lam = values;
      final int width = DIRECTIONS * k;
      final double[] v = new double[block.rows() * width];
      final double[] work = new double[5 * k];
      final double[] zeroEta = new double[DIRECTIONS];
      final double[] x = block.values();
      final int p = block.cols();
      FusedRowPass.run(block, in, (i, t, tOff, out, oOff, sum) -> {
        if (restricted && !selection.fits(split, batch, i)) {
          return;
        }
        int vOff = i * width;
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
          v[vOff + StepModel.HEAD * k + c] = a;
          v[vOff + StepModel.PREVIOUS * k + c] = prev == null ? 0
              : f[i * k + c] - prev[i * k + c];
          v[vOff + StepModel.LINEAR * k + c] = !linear ? 0
              : (linearFeatures ? t[base + headRank] : 0) + linearConstants[c];
        }
        int y = LogLossPass.classIndex(block.target(i), classes, i);
        addRow(sum, block.weight(i), y, k, f, i * k, v, vOff, zeroEta, work);
      }, new double[0][], acc, PassKernels.best());
      rows.directions = v;
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
      return sum(acc, other);
    }
  }

  /** F and its derivatives at η from the kept scores and directions: reads no x. */
  private static final class LinePass implements BlockAggregator<double[]> {
    private static final long serialVersionUID = 1L;
    private final ClassScores layout;
    private final double[] eta;
    private final RowSelection selection;

    LinePass(ClassScores layout, double[] eta, RowSelection selection) {
      this.layout = layout;
      this.eta = eta;
      this.selection = selection;
    }

    @Override
    public double[] zero() {
      return new double[1 + DIRECTIONS + DIRECTIONS * DIRECTIONS];
    }

    @Override
    public double[] add(double[] acc, RowBlock block, BlockState state) {
      LogLossRows rows = LogLossRows.of(state);
      int k = layout.scores();
      int width = DIRECTIONS * k;
      double[] work = new double[5 * k];
      boolean restricted = selection.restricts();
      for (int i = 0; i < block.rows(); i++) {
        if (restricted && !selection.fits(rows.split, rows.batch, i)) {
          continue;
        }
        int y = LogLossPass.classIndex(block.target(i), layout.classes(), i);
        addRow(acc, block.weight(i), y, k, rows.scores, i * k, rows.directions, i * width, eta,
            work);
      }
      return acc;
    }

    @Override
    public double[] merge(double[] acc, double[] other) {
      return sum(acc, other);
    }
  }
}
