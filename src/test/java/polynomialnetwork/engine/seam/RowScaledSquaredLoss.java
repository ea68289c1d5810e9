package polynomialnetwork.engine.seam;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.objective.CoreFit;
import polynomialnetwork.engine.objective.LossEvaluation;
import polynomialnetwork.engine.objective.LossGradient;
import polynomialnetwork.engine.objective.LossScale;
import polynomialnetwork.engine.objective.Objective;
import polynomialnetwork.engine.objective.RowSelection;
import polynomialnetwork.engine.objective.RowSplitter;
import polynomialnetwork.engine.objective.StepModel;
import polynomialnetwork.engine.objective.UpdateDirection;

/**
 * A loss written against the objective interface alone, to show that the optimizer needs
 * nothing else: the squared loss with a per-row scale, Σᵢ wᵢ sᵢ dᵢ² with sᵢ = 1/2 + 1/(1 + xᵢ₁²)
 * (a function of the row, so a pass can compute it where the row is). It is the squared loss on
 * weights w·s, computed here plainly — row by row, with no fused pass, no kept projections, no
 * planned product — so a fit through it must agree with the library's squared loss on those
 * weights to rounding, not bit for bit.
 *
 * <p>It can also answer as a loss without the squared loss's closed forms would (the path a
 * logistic loss takes): with its plain gradient instead of the debiased one (identity shift 0),
 * and with a majorizer instead of the exact step model (the directions' block of M inflated).
 */
final class RowScaledSquaredLoss implements Objective {

  private final RowBlocks blocks;
  private final int p;
  private final RowSplitter splitter;
  private final boolean plainGradient;
  private final double majorizer;

  /** The exact step model and the debiased gradient. */
  RowScaledSquaredLoss(RowBlocks blocks) {
    this(blocks, false, 1);
  }

  /**
   * @param plainGradient the plain gradient (not debiased) instead of the debiased one
   * @param majorizer the factor ≥ 1 on the directions' block of the step model (1 = exact)
   */
  RowScaledSquaredLoss(RowBlocks blocks, boolean plainGradient, double majorizer) {
    this.blocks = blocks;
    this.p = blocks.cols();
    this.plainGradient = plainGradient;
    this.majorizer = majorizer;
    this.splitter = new RowSplitter(blocks, (state, u, v) -> {
      Rows.of(state).split = u;
      Rows.of(state).batch = v;
    });
  }

  /** s of a row. */
  static double scale(double[] x, int offset) {
    double x1 = x[offset];
    return 0.5 + 1 / (1 + x1 * x1);
  }

  /** The per-row numbers this loss keeps beside each block. */
  static final class Rows implements BlockState.Content {
    private static final long serialVersionUID = 1L;
    double[] residual;
    double[] previousResidual;
    double[] weightedResidual;
    double[] split;
    double[] batch;

    static Rows of(BlockState state) {
      if (!(state.content() instanceof Rows)) {
        state.setContent(new Rows());
      }
      return (Rows) state.content();
    }

    @Override
    public Rows copy() {
      Rows c = new Rows();
      c.residual = residual;
      c.previousResidual = previousResidual;
      c.weightedResidual = weightedResidual;
      c.split = split;
      c.batch = batch;
      return c;
    }
  }

  /** A pass written as a per-row function adding into a flat accumulator. */
  abstract static class RowPass implements BlockAggregator<double[]> {
    private static final long serialVersionUID = 1L;
    private final int size;
    private final boolean updates;

    RowPass(int size, boolean updates) {
      this.size = size;
      this.updates = updates;
    }

    @Override
    public double[] zero() {
      return new double[size];
    }

    @Override
    public boolean updatesState() {
      return updates;
    }

    @Override
    public double[] add(double[] acc, RowBlock block, BlockState state) {
      Rows rows = Rows.of(state);
      double[] row = new double[block.cols()];
      for (int i = 0; i < block.rows(); i++) {
        System.arraycopy(block.values(), block.offset(i), row, 0, row.length);
        row(acc, rows, i, row, block.target(i), block.weight(i) * scale(row, 0));
      }
      return acc;
    }

    abstract void row(double[] acc, Rows rows, int i, double[] x, double y, double ws);

    @Override
    public double[] merge(double[] acc, double[] other) {
      for (int j = 0; j < acc.length; j++) {
        acc[j] += other[j];
      }
      return acc;
    }
  }

  /** acc[offset + j] += f·x[j]. */
  static void addScaled(double f, double[] x, double[] acc, int offset) {
    for (int j = 0; j < x.length; j++) {
      acc[offset + j] += f * x[j];
    }
  }

  private static double predict(FactoredSymmetric l, double[] beta, double c, double[] x) {
    return l.quadraticForm(x) + (beta == null ? 0 : Linalg.dot(beta, x)) + c;
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public long rows() {
    return blocks.rows();
  }

  @Override
  public long[] splitRows(long seed, double fraction, int runs) {
    return splitter.split(seed, fraction, runs);
  }

  @Override
  public LossScale scale(RowSelection holdout) {
    final double[] t = blocks.aggregate(new RowPass(4, false) {
      private static final long serialVersionUID = 1L;

      @Override
      void row(double[] acc, Rows rows, int i, double[] x, double y, double ws) {
        int at = holdout.heldOut(rows.split, i) ? 2 : 0;
        acc[at] += ws;
        acc[at + 1] += ws * y * y;
      }
    });
    return new LossScale() {
      @Override
      public boolean degenerate() {
        return !(t[1] > 0) || !(t[0] > 0);
      }

      @Override
      public double fittedWeight() {
        return t[0];
      }

      @Override
      public double relative(double loss) {
        return Math.sqrt(loss / t[1]);
      }

      @Override
      public double fittedError(double loss) {
        return Math.sqrt(loss / t[0]);
      }

      @Override
      public double heldOutError(double loss) {
        return Math.sqrt(loss / t[2]);
      }

      @Override
      public double zeroFittedError() {
        return fittedError(t[1]);
      }

      @Override
      public double zeroHeldOutError() {
        return heldOutError(t[3]);
      }
    };
  }

  @Override
  public LossScale startRun(RowSelection holdout) {
    return scale(holdout);
  }

  @Override
  public LossEvaluation evaluate(FactoredSymmetric l, double[] beta, double c,
      RowSelection batch, double[][] plannedBasis) {
    // sums: fitted, held out, Σ wsd, Σ wsd‖x‖², W, then Xᵀ(w∘s∘d)
    double[] sums = blocks.aggregate(new RowPass(5 + p, true) {
      private static final long serialVersionUID = 1L;

      @Override
      public double[] add(double[] acc, RowBlock block, BlockState state) {
        Rows rows = Rows.of(state);
        rows.previousResidual = rows.residual;
        rows.residual = new double[block.rows()];
        rows.weightedResidual = new double[block.rows()];
        return super.add(acc, block, state);
      }

      @Override
      void row(double[] acc, Rows rows, int i, double[] x, double y, double ws) {
        double d = predict(l, beta, c, x) - y;
        rows.residual[i] = d;
        boolean held = batch.heldOut(rows.split, i);
        acc[held ? 1 : 0] += ws * d * d;
        if (!held && (!batch.restricts() || batch.fits(rows.split, rows.batch, i))) {
          double wsd = ws * d;
          rows.weightedResidual[i] = wsd;
          acc[2] += wsd;
          acc[3] += wsd * Linalg.dot(x, x);
          acc[4] += ws;
          addScaled(wsd, x, acc, 5);
        }
      }
    });
    double w = sums[4] > 0 ? sums[4] : 1;
    double trace = (sums[3] - p * sums[2]) / (2 * w);
    double[] linear = null;
    if (beta != null) {
      linear = new double[p];
      for (int j = 0; j < p; j++) {
        linear[j] = sums[5 + j] / w;
      }
    }
    return new LossEvaluation(sums[0], sums[1], new Gradient(w, sums[2], trace, linear));
  }

  /**
   * G = (1/2W)[Σ wsd x xᵀ − (Σ wsd) I] (debiased) or (1/2W) Σ wsd x xᵀ (plain), and the linear
   * directions (doc/algorithms.md §2, §5).
   */
  private final class Gradient implements LossGradient {
    private final double w;
    private final double sumWsd;
    private final double trace;
    private final double[] linear;

    Gradient(double w, double sumWsd, double trace, double[] linear) {
      this.w = w;
      this.sumWsd = sumWsd;
      this.trace = trace;
      this.linear = linear;
    }

    @Override
    public int dimension() {
      return p;
    }

    @Override
    public double[][] apply(double[][] b) {
      final int k = b.length;
      double[] flat = blocks.aggregate(new RowPass(k * p, false) {
        private static final long serialVersionUID = 1L;

        @Override
        void row(double[] acc, Rows rows, int i, double[] x, double y, double ws) {
          double f = rows.weightedResidual[i];
          if (f != 0) {
            for (int a = 0; a < k; a++) {
              addScaled(f * Linalg.dot(x, b[a]) / (2 * w), x, acc, a * p);
            }
          }
        }
      });
      double[][] out = new double[k][p];
      for (int a = 0; a < k; a++) {
        for (int j = 0; j < p; j++) {
          out[a][j] = flat[a * p + j] - identityShift() * b[a][j];
        }
      }
      return out;
    }

    @Override
    public double[][] plannedProduct() {
      return null;
    }

    @Override
    public double batchWeight() {
      return w;
    }

    @Override
    public double[] linearDirection() {
      return linear;
    }

    @Override
    public double constantDirection() {
      return plainGradient ? plainConstantGradient() : sumWsd / w - trace;
    }

    @Override
    public double plainConstantGradient() {
      return sumWsd / w;
    }

    @Override
    public double identityShift() {
      return plainGradient ? 0 : sumWsd / (2 * w);
    }

    @Override
    public DenseSymmetricMatrix formExplicit() {
      double[] flat = blocks.aggregate(new RowPass(p * p, false) {
        private static final long serialVersionUID = 1L;

        @Override
        void row(double[] acc, Rows rows, int i, double[] x, double y, double ws) {
          double f = rows.weightedResidual[i];
          for (int a = 0; f != 0 && a < p; a++) {
            addScaled(f * x[a] / (2 * w), x, acc, a * p);
          }
        }
      });
      double[][] g = new double[p][p];
      for (int a = 0; a < p; a++) {
        System.arraycopy(flat, a * p, g[a], 0, p);
        g[a][a] -= identityShift();
      }
      return new DenseSymmetricMatrix(g);
    }
  }

  @Override
  public double[][] stepModel(UpdateDirection dir, RowSelection batch) {
    final int n = StepModel.SIZE;
    double[] flat = blocks.aggregate(new RowPass(n * n, false) {
      private static final long serialVersionUID = 1L;

      @Override
      void row(double[] acc, Rows rows, int i, double[] x, double y, double ws) {
        if (batch.restricts() && !batch.fits(rows.split, rows.batch, i)) {
          return;
        }
        double[] v = new double[n];
        v[StepModel.HEAD] = dir.head != null ? dir.head.quadraticForm(x)
            : quadraticForm(dir.denseHead, x);
        v[StepModel.PREVIOUS] = dir.withPrevious ? rows.residual[i] - rows.previousResidual[i]
            : 0;
        v[StepModel.LINEAR] = dir.linear == null ? 0 : Linalg.dot(dir.linear, x) + dir.constant;
        v[StepModel.CURRENT] = rows.residual[i];
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            acc[a * n + b] += ws * v[a] * v[b];
          }
        }
      }
    });
    double[][] m = new double[n][n];
    for (int a = 0; a < n; a++) {
      System.arraycopy(flat, a * n, m[a], 0, n);
      for (int b = 0; a != StepModel.CURRENT && b < n; b++) {
        if (b != StepModel.CURRENT) {
          m[a][b] *= majorizer;
        }
      }
    }
    return m;
  }

  private static double quadraticForm(DenseSymmetricMatrix d, double[] x) {
    double q = 0;
    for (int a = 0; a < x.length; a++) {
      q += x[a] * Linalg.dot(d.rows()[a], x);
    }
    return q;
  }

  @Override
  public double loss(FactoredSymmetric l, double[] beta, double c, RowSelection selection) {
    return blocks.aggregate(new RowPass(1, false) {
      private static final long serialVersionUID = 1L;

      @Override
      void row(double[] acc, Rows rows, int i, double[] x, double y, double ws) {
        if (!selection.heldOut(rows.split, i)) {
          double d = predict(l, beta, c, x) - y;
          acc[0] += ws * d * d;
        }
      }
    })[0];
  }

  /** The weighted least-squares normal equations in (β, c), formed in one pass and solved. */
  @Override
  public double[] linearModel(double ridge) {
    final int n = p + 1;
    double[] flat = blocks.aggregate(new RowPass(n * n + n + 1, false) {
      private static final long serialVersionUID = 1L;

      @Override
      void row(double[] acc, Rows rows, int i, double[] x, double y, double ws) {
        for (int a = 0; a < n; a++) {
          double fa = a < p ? x[a] : 1;
          for (int b = 0; b < n; b++) {
            acc[a * n + b] += ws * fa * (b < p ? x[b] : 1);
          }
          acc[n * n + a] += ws * fa * y;
        }
        acc[n * n + n] += ws;
      }
    });
    double w = flat[n * n + n];
    double[][] a = new double[n][n];
    double[] rhs = new double[n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        a[r][c] = flat[r * n + c] / w + (r == c && r < p ? ridge : 0);
      }
      rhs[r] = flat[n * n + r] / w;
    }
    double[] solution = Linalg.pseudoSolve(a, rhs);
    return solution != null ? solution : new double[n];
  }

  /** This loss offers no core refit. */
  @Override
  public CoreFit refitCore(FactoredSymmetric l, double[] beta, double bias,
      RowSelection selection) {
    return null;
  }
}
