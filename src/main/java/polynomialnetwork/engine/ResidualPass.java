package polynomialnetwork.engine;

/**
 * The evaluation pass of an iterate (L, β, c): per row the residual d_i = x_iᵀLx_i + βᵀx_i + c −
 * y_i (through t = [Uᵀx_i, βᵀx_i], so O(p·r) per row), and the sums the solver needs from it —
 * Σ w d² on the fitted and on the held-out rows, and on the rows the gradient is taken over
 * Σ w d, Σ w d ‖x‖², Σ w and Xᵀ(w∘d) (doc/algorithms.md §2, §5). When it updates the state, each
 * block keeps d (its previous d becoming the previous residual) and w∘d on the gradient's rows.
 */
final class ResidualPass implements BlockAggregator<ResidualPass.Sums> {

  private static final long serialVersionUID = 1L;

  static final int FITTED = 0;
  static final int HELD_OUT = 1;
  static final int SUM_WD = 2;
  static final int SUM_WD_NORM = 3;
  static final int BATCH_WEIGHT = 4;
  private static final int SCALARS = 5;

  /** Xᵀ(w∘d) (one column, or none without a linear term) and the scalars above. */
  static final class Sums implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final double[][] out;
    final double[] scalars;

    Sums(int p, boolean linear) {
      out = new double[linear ? 1 : 0][p];
      scalars = new double[SCALARS];
    }
  }

  private final int p;
  private final double[][] in;
  private final double[] values;
  private final double c;
  private final boolean linear;
  private final RowSelection selection;
  private final boolean keep;

  /**
   * @param beta the linear term, or null
   * @param keep whether to keep the residual in the blocks' state
   */
  ResidualPass(FactoredSymmetric l, double[] beta, double c, RowSelection selection,
      boolean keep) {
    int r = l.rank();
    this.p = l.dimension();
    this.linear = beta != null;
    this.in = new double[r + (linear ? 1 : 0)][];
    for (int a = 0; a < r; a++) {
      in[a] = l.vectors()[a];
    }
    if (linear) {
      in[r] = beta;
    }
    this.values = l.values();
    this.c = c;
    this.selection = selection;
    this.keep = keep;
  }

  @Override
  public Sums zero() {
    return new Sums(p, linear);
  }

  @Override
  public boolean updatesState() {
    return keep;
  }

  @Override
  public Sums add(Sums acc, final RowBlock block, final RowState state) {
    final int n = block.rows();
    final int r = values.length;
    final double[] s = values;
    final double[] d = new double[n];
    final double[] wd = new double[n];
    final boolean restricted = selection.restricts();
    RowKernel kernel = (i, t, tOff, out, oOff, sum) -> {
      double q = 0;
      for (int a = 0; a < r; a++) {
        double z = t[tOff + a];
        q += s[a] * z * z;
      }
      double di = q + c + (linear ? t[tOff + r] : 0.0) - block.target(i);
      double wi = block.weight(i);
      d[i] = di;
      double wdi = wi * di;
      boolean held = restricted && selection.heldOut(state, i);
      sum[held ? HELD_OUT : FITTED] += wdi * di;
      if (!restricted || (!held && selection.fits(state, i))) {
        wd[i] = wdi;
        sum[SUM_WD] += wdi;
        sum[SUM_WD_NORM] += wdi * block.squaredNorm(i);
        sum[BATCH_WEIGHT] += wi;
        if (linear) {
          out[oOff] = wdi;
        }
      }
    };
    FusedRowPass.run(block, in, kernel, acc.out, acc.scalars, PassKernel.best());
    if (keep) {
      state.previousResidual = state.residual;
      state.residual = d;
      state.weightedResidual = wd;
    }
    return acc;
  }

  @Override
  public Sums merge(Sums acc, Sums other) {
    FusedRowPass.addInto(acc.out, acc.scalars, other.out, other.scalars);
    return acc;
  }
}
