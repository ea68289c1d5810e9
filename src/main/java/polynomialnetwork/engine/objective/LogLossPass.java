package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * The log-loss's evaluation pass at a point (L, β, c) (doc/algorithms.md §13): per row the class
 * scores f_c = xᵀL_c x + β_cᵀx + b_c, through the projections of x onto each class's block of
 * U and of β (O(k·p·r) per row), the loss 2 w ℓ on the fitted and on the held-out rows, and on
 * the rows the gradient is taken over g = P − e_y, Σ w, Σ w g_c and Xᵀ(w g_c). When it updates
 * the state, each block keeps f (its previous f becoming the previous scores) and w g.
 */
final class LogLossPass implements BlockAggregator<LogLossPass.Sums> {

  private static final long serialVersionUID = 1L;

  static final int FITTED = 0;
  static final int HELD_OUT = 1;
  static final int BATCH_WEIGHT = 2;
  /** Σ w g_c starts here, one per score. */
  static final int SUM_WG = 3;

  /** Xᵀ(w g_c) per score (none without linear terms) and the scalars above. */
  static final class Sums implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final double[][] out;
    final double[] scalars;

    Sums(int p, int columns, int scores) {
      out = new double[columns][p];
      scalars = new double[SUM_WG + scores];
    }
  }

  private final ClassScores layout;
  private final double[][] in;
  private final double[] values;
  private final double[] biases;
  private final boolean linear;
  private final RowSelection selection;
  private final boolean keep;

  /**
   * @param beta the lifted β, or null
   * @param keep whether to keep the scores and gradients in the blocks' state
   */
  LogLossPass(ClassScores layout, FactoredSymmetric l, double[] beta, double c,
      RowSelection selection, boolean keep) {
    this.layout = layout;
    int k = layout.scores();
    int r = l.rank();
    this.linear = beta != null && layout.linearFeatures();
    int per = r + (linear ? 1 : 0);
    this.in = new double[k * per][];
    for (int s = 0; s < k; s++) {
      for (int a = 0; a < r; a++) {
        in[s * per + a] = k == 1 ? l.vectors()[a] : layout.block(l.vectors()[a], s);
      }
      if (linear) {
        in[s * per + r] = layout.linearTerm(beta, s);
      }
    }
    this.values = l.values();
    this.biases = new double[k];
    for (int s = 0; s < k; s++) {
      biases[s] = layout.bias(beta, c, s);
    }
    this.selection = selection;
    this.keep = keep;
  }

  @Override
  public Sums zero() {
    int k = layout.scores();
    return new Sums(layout.inputs(), linear ? k : 0, k);
  }

  @Override
  public boolean updatesState() {
    return keep;
  }

  @Override
  public Sums add(Sums acc, final RowBlock block, final BlockState state) {
    final LogLossRows rows = keep ? LogLossRows.forUpdate(state) : LogLossRows.of(state);
    final double[] split = rows.split;
    final double[] batch = rows.batch;
    final int n = block.rows();
    final int k = layout.scores();
    final int classes = layout.classes();
    final int r = values.length;
    final int per = r + (linear ? 1 : 0);
    final double[] s = values;
    final double[] f = new double[n * k];
    final double[] wg = new double[n * k];
    final boolean restricted = selection.restricts();
    FusedRowPass.run(block, in, (i, t, tOff, out, oOff, sum) -> {
      int y = classIndex(block.target(i), classes, i);
      int at = i * k;
      for (int c = 0; c < k; c++) {
        int base = tOff + c * per;
        double q = 0;
        for (int a = 0; a < r; a++) {
          double z = t[base + a];
          q += s[a] * z * z;
        }
        f[at + c] = q + (linear ? t[base + r] : 0.0) + biases[c];
      }
      double w = block.weight(i);
      double loss = 2 * w * ClassScores.loss(f, at, k, y);
      boolean held = restricted && selection.heldOut(split, i);
      sum[held ? HELD_OUT : FITTED] += loss;
      if (!restricted || (!held && selection.fits(split, batch, i))) {
        ClassScores.gradient(f, at, k, y, wg, at);
        sum[BATCH_WEIGHT] += w;
        for (int c = 0; c < k; c++) {
          double v = w * wg[at + c];
          wg[at + c] = v;
          sum[SUM_WG + c] += v;
          if (linear) {
            out[oOff + c] = v;
          }
        }
      }
    }, acc.out, acc.scalars, PassKernels.best());
    if (keep) {
      rows.previousScores = rows.scores;
      rows.scores = f;
      rows.weightedGradient = wg;
    }
    return acc;
  }

  /** The class index a row's target holds: a whole number in [0, classes). */
  static int classIndex(double target, int classes, int row) {
    int y = (int) target;
    if (y != target || y < 0 || y >= classes) {
      throw new IllegalArgumentException("row " + row + " of a block has class " + target
          + "; a log-loss needs a class index from 0 to " + (classes - 1));
    }
    return y;
  }

  @Override
  public Sums merge(Sums acc, Sums other) {
    FusedRowPass.addInto(acc.out, acc.scalars, other.out, other.scalars);
    return acc;
  }
}
