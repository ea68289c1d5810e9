package polynomialnetwork.engine.objective;

import java.io.Serializable;

/**
 * The class scores of the log-loss (doc/algorithms.md §13) and where they live in the
 * optimizer's point (L, β, c).
 *
 * <p>Two classes have one score, f(x) = xᵀLx + βᵀx + c, and P(y = 1 | x) = σ(f(x)): the point is
 * the regression's, of dimension p. k ≥ 3 classes have k scores f_c(x) = xᵀL_c x + β_cᵀx + b_c
 * and P(y = c | x) = softmax_c(f(x)). The optimizer sees them as one lifted problem: L is a
 * kp × kp symmetric matrix whose diagonal p × p blocks are the L_c (a row enters class c's score
 * as e_c ⊗ x, so the other blocks never touch a prediction), and β holds [β_0 … β_{k−1},
 * b_0 … b_{k−1}] (only the b_c without linear terms). The softmax is unchanged when every score
 * moves by the same constant, so the optimizer's own c has gradient 0 and stays 0; the class
 * biases are the b_c.
 */
public final class ClassScores implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int classes;
  private final int p;
  private final boolean linearFeatures;

  /**
   * @param classes k ≥ 2
   * @param p the inputs per row
   * @param linearFeatures whether the scores have linear terms β_c (the class biases b_c are
   *     always there for k ≥ 3)
   */
  public ClassScores(int classes, int p, boolean linearFeatures) {
    if (classes < 2) {
      throw new IllegalArgumentException("a log-loss needs at least 2 classes, got " + classes);
    }
    this.classes = classes;
    this.p = p;
    this.linearFeatures = linearFeatures;
  }

  /** k. */
  public int classes() {
    return classes;
  }

  /** The scores per row: 1 for two classes (σ), k for k ≥ 3 (softmax). */
  public int scores() {
    return classes == 2 ? 1 : classes;
  }

  /** p. */
  public int inputs() {
    return p;
  }

  public boolean linearFeatures() {
    return linearFeatures;
  }

  /** The dimension of L: p for two classes, kp for k ≥ 3. */
  public int dimension() {
    return scores() * p;
  }

  /** The length of β: p for two classes, k(p + 1) (or k without linear terms) for k ≥ 3. */
  public int linearDimension() {
    return classes == 2 ? p : classes * ((linearFeatures ? p : 0) + 1);
  }

  /** Class c's p-block of a lifted vector of L's dimension (or of β's linear terms). */
  public double[] block(double[] lifted, int c) {
    return java.util.Arrays.copyOfRange(lifted, c * p, (c + 1) * p);
  }

  /** Class c's linear term: β (two classes) or β_c; null without linear terms. */
  public double[] linearTerm(double[] beta, int c) {
    if (beta == null || !linearFeatures) {
      return null;
    }
    return classes == 2 ? beta.clone() : block(beta, c);
  }

  /** Class c's bias: c (two classes) or b_c (0 without β). */
  public double bias(double[] beta, double c, int score) {
    if (classes == 2) {
      return c;
    }
    return beta == null ? 0 : beta[biasIndex(score)];
  }

  /** The index of b_c in β (k ≥ 3). */
  int biasIndex(int c) {
    return classes * (linearFeatures ? p : 0) + c;
  }

  /** log k: the loss per unit weight of the zero model (all scores 0), in nats. */
  public double zeroLoss() {
    return Math.log(classes);
  }

  /**
   * The log-loss of one row, −log P(y | scores), in nats: log(1 + e^f) − y f for one score,
   * logsumexp(f) − f_y for k; computed without overflow for any finite scores.
   */
  static double loss(double[] f, int off, int scores, int y) {
    if (scores == 1) {
      double z = f[off];
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      return softplus - (y == 1 ? z : 0);
    }
    return logSumExp(f, off, scores) - f[off + y];
  }

  private static double logSumExp(double[] f, int off, int scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < scores; c++) {
      max = Math.max(max, f[off + c]);
    }
    double s = 0;
    for (int c = 0; c < scores; c++) {
      s += Math.exp(f[off + c] - max);
    }
    return max + Math.log(s);
  }

  /**
   * g = P − e_y, the derivative of the row's log-loss in its scores (σ(f) − y for one score),
   * written to {@code g[gOff ..)}.
   */
  static void gradient(double[] f, int off, int scores, int y, double[] g, int gOff) {
    if (scores == 1) {
      g[gOff] = sigmoid(f[off]) - y;
      return;
    }
    double lse = logSumExp(f, off, scores);
    for (int c = 0; c < scores; c++) {
      g[gOff + c] = Math.exp(f[off + c] - lse) - (c == y ? 1 : 0);
    }
  }

  /** σ(z) = 1/(1 + e^−z), without overflow. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /**
   * The k class probabilities of the scores: σ for one score ({1 − σ(f), σ(f)}), softmax for k.
   * Finite and summing to 1 for any scores, infinite ones included.
   */
  public static double[] probabilities(double[] f, int classes) {
    double[] prob = new double[classes];
    if (classes == 2 && f.length == 1) {
      double z = f[0];
      if (Double.isNaN(z)) {
        z = 0;
      }
      prob[1] = sigmoid(z);
      prob[0] = sigmoid(-z);
      return prob;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : f) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      java.util.Arrays.fill(prob, 1.0 / classes);
      return prob;
    }
    double s = 0;
    int tops = 0;
    for (int c = 0; c < classes; c++) {
      if (max == Double.POSITIVE_INFINITY) {
        prob[c] = f[c] == max ? 1 : 0;
        tops += f[c] == max ? 1 : 0;
      } else {
        prob[c] = Double.isNaN(f[c]) ? 0 : Math.exp(f[c] - max);
      }
    }
    if (max == Double.POSITIVE_INFINITY) {
      s = tops;
    } else {
      for (double v : prob) {
        s += v;
      }
    }
    for (int c = 0; c < classes; c++) {
      prob[c] /= s;
    }
    return prob;
  }
}
