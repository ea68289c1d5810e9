package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.SymmetricOperator;

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
final class DebiasedGradient implements LossGradient {

  private final RowBlocks blocks;
  private final int p;
  private final double sumWeightedResidual;
  private final double batchWeight;
  private final double trace;
  private final double[] linearDirection; // Xᵀ(w∘d)/W, or null
  private final double constantDirection;
  /** G·Π for the planned basis Π, computed by the evaluation pass (or null). */
  private final double[][] plannedProduct;

  DebiasedGradient(RowBlocks blocks, double sumWd, double sumWdNorm, double batchWeight,
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
    this.plannedProduct = product == null ? null : finishProduct(productSums, product);
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public double[][] apply(double[][] b) {
    return finishProduct(blocks.aggregate(new GradientProduct(b, 1.0 / (2 * batchWeight))), b);
  }

  @Override
  public double[][] plannedProduct() {
    if (plannedProduct == null) {
      return null;
    }
    double[][] copy = new double[plannedProduct.length][];
    for (int c = 0; c < copy.length; c++) {
      copy[c] = plannedProduct[c].clone();
    }
    return copy;
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
  @Override
  public double identityShift() {
    return sumWeightedResidual / (2 * batchWeight);
  }

  /** (Σ w d)/W, the plain gradient of the loss in c. */
  @Override
  public double plainConstantGradient() {
    return sumWeightedResidual / batchWeight;
  }

  /** W, the total weight of the batch rows G is taken over. */
  @Override
  public double batchWeight() {
    return batchWeight;
  }

  /** tr G = (Σ w d ‖x‖² − p Σ w d) / 2W, computed in O(m). */
  double trace() {
    return trace;
  }

  /** The β-direction Xᵀ(w∘d)/W (the β-step is β − η·this), or null without a linear term. */
  @Override
  public double[] linearDirection() {
    return linearDirection;
  }

  /** The c-direction mean_w(d) − tr G (the c-step is c − η·this), doc/algorithms.md §5. */
  @Override
  public double constantDirection() {
    return constantDirection;
  }

  /**
   * Forms G as an explicit p×p matrix: O(m·p²) time, O(p²) memory. EP-ROM and BK-SVD only.
   */
  @Override
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
