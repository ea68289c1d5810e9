package polynomialnetwork.engine;

/**
 * The debiased gradient of AP-ROM at the current iterate (doc/algorithms.md §2, §5),
 *
 * <pre>  G = (1/2W) [ Σ_i w_i d_i x_i x_iᵀ − (Σ_i w_i d_i) I ],   d = 𝒜(L) + Xβ + c − y,</pre>
 *
 * with W = Σ w_i over the rows the gradient is taken over (the fit rows of the current batch).
 * For x ~ N(0, I) its mean is L − L*, so L − G is an unbiased estimate of L* (Isserlis' theorem),
 * which is why the unit step works. The same residual gives the linear-term directions
 * Xᵀ(w∘d)/W and mean(d) − tr G (§5).
 *
 * <p>As a {@link SymmetricOperator} it is matrix-free: G·B costs one pass over the rows,
 * (Xᵀ diag(w∘d) X B − (Σ w d) B) / 2W, reading the weighted residual each block kept from the
 * evaluation, and nothing p×p is allocated (MBK-SVD). {@link #formExplicit} builds the p×p
 * matrix for EP-ROM and BK-SVD.
 */
public final class DebiasedGradient implements SymmetricOperator {

  private final RowBlocks blocks;
  private final int p;
  private final double sumWeightedResidual;
  private final double batchWeight;
  private final double trace;
  private final double[] linearDirection; // Xᵀ(w∘d)/W, or null
  private final double constantDirection;
  /** A block whose product the evaluation pass already gave, and that product (or null). */
  private final double[][] knownInput;
  private final double[][] knownProduct;

  private DebiasedGradient(RowBlocks blocks, double sumWd, double sumWdNorm, double batchWeight,
      double[] xtwd, double[][] product, double[][] productSums) {
    this.blocks = blocks;
    this.p = blocks.cols();
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
    this.knownInput = product;
    this.knownProduct = product == null ? null : finishProduct(productSums, product);
  }

  /** The residual at an iterate, and the gradient it defines. */
  public static final class Evaluation {
    /** Σ w_i d_i² over the rows that are not held out (all batches). */
    public final double fittedSquaredResidual;
    /** Σ w_i d_i² over the held-out rows (0 when none are). */
    public final double heldOutSquaredResidual;
    /** G on the fit rows of the batch. */
    public final DebiasedGradient gradient;

    Evaluation(double fitted, double heldOut, DebiasedGradient gradient) {
      this.fittedSquaredResidual = fitted;
      this.heldOutSquaredResidual = heldOut;
      this.gradient = gradient;
    }
  }

  /**
   * One pass over the data: the residual of the model (L, β, c) on every row, kept in each
   * block's state (the previous one kept as the previous residual), and, on the rows
   * {@code selection} fits on, the pieces of G and of the linear directions.
   */
  public static Evaluation evaluate(RowBlocks blocks, FactoredSymmetric l, double[] beta,
      double c, RowSelection selection) {
    return evaluate(blocks, l, beta, c, selection, null, 0, 0);
  }

  /**
   * As {@link #evaluate(RowBlocks, FactoredSymmetric, double[], double, RowSelection)}, and in
   * the same pass G·Π for a block Π known in advance (the Krylov head's start block): the
   * gradient's {@link #apply} of that very array then costs no pass.
   *
   * @param product Π, or null
   * @param batchWeight W of the rows the gradient is taken over, as the previous evaluation of
   *     the same rows gave it ({@link #batchWeight()}); the product is kept only when this
   *     evaluation finds the same W, so that it equals a separate product pass exactly
   * @param productProjections the tag under which the blocks' state holds the rows' projections
   *     onto Π ({@link RowState#headProjections}), or 0
   */
  public static Evaluation evaluate(RowBlocks blocks, FactoredSymmetric l, double[] beta,
      double c, RowSelection selection, double[][] product, double batchWeight,
      long productProjections) {
    boolean fuse = product != null && batchWeight > 0;
    ResidualPass.Sums sums = blocks.aggregate(new ResidualPass(l, beta, c, selection, true,
        fuse ? product : null, fuse ? 1.0 / (2 * batchWeight) : 0,
        fuse ? productProjections : 0));
    double bw = sums.scalars[ResidualPass.BATCH_WEIGHT] > 0
        ? sums.scalars[ResidualPass.BATCH_WEIGHT] : 1.0;
    fuse &= bw == batchWeight;
    int lin = beta != null ? 1 : 0;
    double[][] productSums = !fuse ? null
        : java.util.Arrays.copyOfRange(sums.out, lin, sums.out.length);
    DebiasedGradient g = new DebiasedGradient(blocks,
        sums.scalars[ResidualPass.SUM_WD], sums.scalars[ResidualPass.SUM_WD_NORM], bw,
        beta != null ? sums.out[0] : null, fuse ? product : null, productSums);
    return new Evaluation(sums.scalars[ResidualPass.FITTED], sums.scalars[ResidualPass.HELD_OUT],
        g);
  }

  /**
   * Σ w_i d_i² of the model (L, β, c) over the rows {@code selection} does not hold out, in one
   * pass that leaves the blocks' state as it was.
   */
  public static double squaredResidual(RowBlocks blocks, FactoredSymmetric l, double[] beta,
      double c, RowSelection selection) {
    return blocks.aggregate(new ResidualPass(l, beta, c, selection, false, null, 0, 0))
        .scalars[ResidualPass.FITTED];
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public double[][] apply(double[][] b) {
    if (b == knownInput) {
      double[][] copy = new double[knownProduct.length][];
      for (int c = 0; c < copy.length; c++) {
        copy[c] = knownProduct[c].clone();
      }
      return copy;
    }
    return finishProduct(blocks.aggregate(new GradientProduct(b, 1.0 / (2 * batchWeight))), b);
  }

  /** (Σ w d x xᵀB)/2W (the pass's sums) − (Σ w d / 2W)·B, in place. */
  private double[][] finishProduct(double[][] out, double[][] b) {
    final double scale = 1.0 / (2 * batchWeight);
    double shift = sumWeightedResidual * scale;
    for (int c = 0; c < b.length; c++) {
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

  /** The c-direction mean_w(d) − tr G (the c-step is c − η·this), doc/algorithms.md §5. */
  public double constantDirection() {
    return constantDirection;
  }

  /**
   * Forms G as an explicit p×p matrix: O(m·p²) time, O(p²) memory. EP-ROM and BK-SVD only.
   */
  public DenseSymmetricMatrix formExplicit() {
    double[][] g = blocks.aggregate(new ExplicitGradient(p));
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
}
