package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.kernel.RowKernel;
import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * The evaluation pass of an iterate (L, β, c): per row the residual d_i = x_iᵀLx_i + βᵀx_i + c −
 * y_i (through t = [Uᵀx_i, βᵀx_i], so O(p·r) per row), and the sums the solver needs from it —
 * Σ w d² on the fitted and on the held-out rows, and on the rows the gradient is taken over
 * Σ w d, Σ w d ‖x‖², Σ w and Xᵀ(w∘d) (doc/algorithms.md §2, §5). When it updates the state, each
 * block keeps d (its previous d becoming the previous residual) and w∘d on the gradient's rows.
 *
 * <p>Given a basis Π (the Krylov head's start basis, known before the pass) and the batch weight
 * W of the rows (known from the previous evaluation of the same rows), the same read of each
 * row also gives Σ (w_i d_i / 2W) x_i (x_iᵀΠ), the first Krylov product's pass
 * (doc/algorithms.md §10), computed exactly as {@link GradientProduct} computes it: the
 * evaluation and the first product are one pass instead of two, with the same result. When the
 * block's state already holds the rows' projections onto Π (the last step search projected the
 * rows onto its head, which is Π, and kept them under the token this pass is given:
 * {@link SquaredLossRows#projections}), they are read from there instead of computed again;
 * they are the same numbers, by the same loops. When Π is U itself (a tangent step's product
 * G·U), the projections onto U that the residual needs are the product's too and are computed
 * once.
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

    Sums(int p, int columns) {
      out = new double[columns][p];
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
  /** Columns of Π, the block whose product Σ w d x (xᵀΠ)/2W the pass also gives (0 for none). */
  private final int productColumns;
  /** 1/2W for that product. */
  private final double productScale;
  /** The token of the rows' kept projections onto Π (null: none; compute them). */
  private final transient Object productProjections;
  /** {@link #in} without Π, for the blocks whose state holds the projections onto Π. */
  private final double[][] inWithoutProduct;
  /** Whether Π is U (the same columns), whose projections the residual computes anyway. */
  private final boolean productIsIterate;

  /**
   * @param beta the linear term, or null
   * @param keep whether to keep the residual in the blocks' state
   * @param product Π, or null for none
   * @param productScale 1/2W, W the batch weight of the rows the gradient is taken over
   * @param productProjections the token of the rows' kept projections onto Π, or null
   */
  ResidualPass(FactoredSymmetric l, double[] beta, double c, RowSelection selection,
      boolean keep, double[][] product, double productScale, Object productProjections) {
    int r = l.rank();
    this.p = l.dimension();
    this.linear = beta != null;
    this.productColumns = product == null ? 0 : product.length;
    this.productScale = productScale;
    this.productIsIterate = product != null
        && KeptProjections.sameColumns(product, l.vectors());
    int lin = linear ? 1 : 0;
    this.in = new double[r + lin + (productIsIterate ? 0 : productColumns)][];
    for (int a = 0; a < r; a++) {
      in[a] = l.vectors()[a];
    }
    if (linear) {
      in[r] = beta;
    }
    for (int a = 0; a < productColumns && !productIsIterate; a++) {
      in[r + lin + a] = product[a];
    }
    this.inWithoutProduct = java.util.Arrays.copyOf(in, r + lin);
    this.productProjections = productColumns == 0 || productIsIterate ? null
        : productProjections;
    this.values = l.values();
    this.c = c;
    this.selection = selection;
    this.keep = keep;
  }

  @Override
  public Sums zero() {
    return new Sums(p, (linear ? 1 : 0) + productColumns);
  }

  @Override
  public boolean updatesState() {
    return keep;
  }

  @Override
  public Sums add(Sums acc, final RowBlock block, final BlockState state) {
    final SquaredLossRows rows = keep ? SquaredLossRows.forUpdate(state) : SquaredLossRows.of(state);
    final double[] split = rows.split;
    final double[] batch = rows.batch;
    final int n = block.rows();
    final int r = values.length;
    final double[] s = values;
    final double[] d = new double[n];
    final double[] wd = new double[n];
    final boolean restricted = selection.restricts();
    final int lin = linear ? 1 : 0;
    final int k = productColumns;
    final double f0 = productScale;
    final double[][] kept = productProjections != null
        && rows.projectionsToken == productProjections && rows.projections != null
        && rows.projections.length == k ? rows.projections : null;
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
      boolean held = restricted && selection.heldOut(split, i);
      sum[held ? HELD_OUT : FITTED] += wdi * di;
      if (!restricted || (!held && selection.fits(split, batch, i))) {
        wd[i] = wdi;
        sum[SUM_WD] += wdi;
        sum[SUM_WD_NORM] += wdi * block.squaredNorm(i);
        sum[BATCH_WEIGHT] += wi;
        if (linear) {
          out[oOff] = wdi;
        }
        if (wdi != 0) {
          double f = wdi * f0;
          if (kept != null) {
            for (int a = 0; a < k; a++) {
              out[oOff + lin + a] = f * kept[a][i];
            }
          } else {
            int from = productIsIterate ? tOff : tOff + r + lin;
            for (int a = 0; a < k; a++) {
              out[oOff + lin + a] = f * t[from + a];
            }
          }
        }
      }
    };
    FusedRowPass.run(block, kept != null ? inWithoutProduct : in, kernel, acc.out, acc.scalars,
        PassKernels.best());
    if (keep) {
      rows.previousResidual = rows.residual;
      rows.residual = d;
      rows.weightedResidual = wd;
    }
    return acc;
  }

  @Override
  public Sums merge(Sums acc, Sums other) {
    FusedRowPass.addInto(acc.out, acc.scalars, other.out, other.scalars);
    return acc;
  }
}
