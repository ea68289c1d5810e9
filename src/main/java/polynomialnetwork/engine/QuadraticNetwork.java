package polynomialnetwork.engine;

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
   * descending (algorithms.md §7, unit form).
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

  /** ŷ(x). */
  public double predict(double[] x) {
    double y = bias;
    for (int j = 0; j < alpha.length; j++) {
      double z = Linalg.dot(weights[j], x);
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
}
