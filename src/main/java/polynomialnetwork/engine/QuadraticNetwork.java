package polynomialnetwork.engine;

import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import java.io.Serializable;

/**
 * The learned model ŷ(x) = Σ_j α_j (w_jᵀx)² + βᵀx + c: a two-layer network with quadratic
 * activation, output weights α and hidden weights w_j, plus a linear skip term and a bias.
 * Plain arrays only, so it serializes anywhere.
 */
public final class QuadraticNetwork implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] alpha;
  private final double[][] weights;
  private final double[] beta;
  private final double bias;
  /**
   * Per hidden unit, the interval its pre-activation w_jᵀx is clamped to before squaring, or
   * null (no clamping; models saved before 0.2 have none).
   */
  private double[] lowerActivation;
  private double[] upperActivation;

  /**
   * @param alpha output weights, one per hidden unit
   * @param weights hidden weights, weights[j] = w_j (length p)
   * @param beta linear term (length p), or null for none
   * @param bias c
   */
  public QuadraticNetwork(double[] alpha, double[][] weights, double[] beta, double bias) {
    if (alpha.length != weights.length) {
      throw new IllegalArgumentException(alpha.length + " output weights, " + weights.length
          + " hidden units");
    }
    this.alpha = alpha.clone();
    this.weights = new double[weights.length][];
    for (int j = 0; j < weights.length; j++) {
      this.weights[j] = weights[j].clone();
    }
    this.beta = beta == null ? null : beta.clone();
    this.bias = bias;
  }

  /**
   * The network of L = U diag(s) Uᵀ (unit-norm w_j = u_j, α_j = s_j), units sorted by |α|
   * descending (doc/algorithms.md §7, unit form).
   */
  public static QuadraticNetwork fromFactored(FactoredSymmetric l, double[] beta, double bias) {
    int r = l.rank();
    Integer[] order = new Integer[r];
    for (int j = 0; j < r; j++) {
      order[j] = j;
    }
    final double[] s = l.values();
    java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(s[b]), Math.abs(s[a])));
    double[] alpha = new double[r];
    double[][] w = new double[r][];
    for (int j = 0; j < r; j++) {
      alpha[j] = s[order[j]];
      w[j] = l.vectors()[order[j]];
    }
    return new QuadraticNetwork(alpha, w, beta, bias);
  }

  public int hiddenUnits() {
    return alpha.length;
  }

  public double alpha(int j) {
    return alpha[j];
  }

  /** Copy of w_j. */
  public double[] hiddenWeights(int j) {
    return weights[j].clone();
  }

  /** Copy of β, or null when the model has no linear term. */
  public double[] linearTerm() {
    return beta == null ? null : beta.clone();
  }

  public double bias() {
    return bias;
  }

  /** This network with no clamping: the plain formula Σ α_j (w_jᵀx)² + βᵀx + c. */
  public QuadraticNetwork withoutActivationRange() {
    return new QuadraticNetwork(alpha, weights, beta, bias);
  }

  /**
   * This network with every hidden unit's pre-activation w_jᵀx clamped, at prediction time, to
   * the range it takes on the rows of {@code x} widened by {@code margin} times that range on
   * each side. On those rows nothing changes; away from them each unit's contribution α_j(w_jᵀx)²
   * stays within what it was on the training data, while the linear term βᵀx still extrapolates
   * as a linear model would. A quadratic fitted to a few extreme rows otherwise grows without
   * bound along its hidden directions (measured on cpu.arff: one test machine whose cache size
   * is six standard deviations out got 1215 for a true 198). A negative margin returns this
   * network unchanged.
   */
  public QuadraticNetwork withActivationRange(RowBlocks blocks, double margin) {
    QuadraticNetwork out = withoutActivationRange();
    if (margin < 0 || alpha.length == 0 || blocks.rows() == 0) {
      return out;
    }
    int r = alpha.length;
    double[][] range = blocks.aggregate(new ActivationRanges(weights));
    double[] lo = range[0];
    double[] hi = range[1];
    if (!(hi[0] >= lo[0])) {
      return out;
    }
    for (int j = 0; j < r; j++) {
      double pad = margin * (hi[j] - lo[j]);
      lo[j] -= pad;
      hi[j] += pad;
    }
    out.lowerActivation = lo;
    out.upperActivation = hi;
    return out;
  }

  /** Lower end of unit j's activation interval, or −∞ when the network does not clamp. */
  public double lowerActivation(int j) {
    return lowerActivation == null ? Double.NEGATIVE_INFINITY : lowerActivation[j];
  }

  /** Upper end of unit j's activation interval, or +∞ when the network does not clamp. */
  public double upperActivation(int j) {
    return upperActivation == null ? Double.POSITIVE_INFINITY : upperActivation[j];
  }

  /** ŷ(x). */
  public double predict(double[] x) {
    double y = bias;
    for (int j = 0; j < alpha.length; j++) {
      double z = Linalg.dot(weights[j], x);
      if (lowerActivation != null) {
        z = Math.min(upperActivation[j], Math.max(lowerActivation[j], z));
      }
      y += alpha[j] * z * z;
    }
    if (beta != null) {
      y += Linalg.dot(beta, x);
    }
    return y;
  }

  /** L = Σ α_j w_j w_jᵀ as a dense p×p array (for reports and tests at small p). */
  public double[][] interactionMatrix() {
    int p = beta != null ? beta.length : (weights.length > 0 ? weights[0].length : 0);
    double[][] l = new double[p][p];
    for (int j = 0; j < alpha.length; j++) {
      double[] w = weights[j];
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          l[a][b] += alpha[j] * w[a] * w[b];
        }
      }
    }
    return l;
  }

  /**
   * The prediction of a network whose value overflowed (an input many orders of magnitude
   * outside the training data): infinite with the sign of the dominant term, so that clipping
   * gives the nearer bound instead of NaN (from ∞ − ∞ between units of opposite sign).
   *
   * @param z the standardized inputs (finite or infinite)
   * @return ±infinity, or the bias when the network has neither quadratic nor linear response
   *     in the direction of z
   */
  public double saturatedPrediction(double[] z) {
    double[] u = new double[z.length];
    double scale = 0;
    boolean infinite = false;
    for (double v : z) {
      infinite |= Double.isInfinite(v);
      scale = Math.max(scale, Math.abs(v));
    }
    for (int k = 0; k < z.length; k++) {
      u[k] = infinite ? (Double.isInfinite(z[k]) ? Math.signum(z[k]) : 0)
          : (scale > 0 ? z[k] / scale : 0);
    }
    double quadratic = 0;
    for (int j = 0; j < hiddenUnits(); j++) {
      double[] w = weights[j];
      double t = 0;
      for (int k = 0; k < u.length; k++) {
        t += w[k] * u[k];
      }
      quadratic += alpha[j] * t * t;
    }
    double linear = 0;
    for (int k = 0; beta != null && k < u.length; k++) {
      linear += beta[k] * u[k];
    }
    double direction = quadratic != 0 ? quadratic : linear;
    return direction != 0 ? Math.copySign(Double.POSITIVE_INFINITY, direction) : bias;
  }
}
