package polynomialnetwork.engine;

import java.io.Serializable;

/**
 * Per-column standardization of the inputs, x_std = (x − μ) / s, and of the target,
 * y_std = (y − μ_y) / s_y, with weighted means and (population) standard deviations; and the map
 * of a network fitted on standardized data back to the original units.
 *
 * <p>A column (or a target) whose weighted standard deviation is zero, or negligible against its
 * magnitude (the larger of |mean| and its largest |value|), gets scale 1, so it is only centred.
 * Rows of weight ≤ 0 are ignored. Plain arrays only.
 *
 * <p>For ŷ_std(x_std) = x_stdᵀ L x_std + βᵀ x_std + c and y = μ_y + s_y ŷ_std, with D = diag(1/s):
 *
 * <pre>
 *   L_o = s_y · D L D
 *   β_o = s_y · (D β − 2 D L D μ)
 *   c_o = μ_y + s_y · (c − βᵀ D μ + μᵀ D L D μ)
 * </pre>
 *
 * so that y = xᵀ L_o x + β_oᵀ x + c_o. For L = Σ α_j w_j w_jᵀ, L_o keeps rank r:
 * L_o = Σ α'_j v_j v_jᵀ with v_j = D w_j / ‖D w_j‖ and α'_j = s_y α_j ‖D w_j‖².
 */
public final class Standardization implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Relative size below which a standard deviation counts as zero. */
  static final double CONSTANT_RELATIVE = 1e-12;

  private final double[] mean;
  private final double[] scale;
  private final double targetMean;
  private final double targetScale;

  /**
   * @param mean μ (length p)
   * @param scale s (length p, all &gt; 0)
   * @param targetMean μ_y
   * @param targetScale s_y &gt; 0
   */
  public Standardization(double[] mean, double[] scale, double targetMean, double targetScale) {
    if (mean.length != scale.length) {
      throw new IllegalArgumentException(mean.length + " means, " + scale.length + " scales");
    }
    for (int j = 0; j < scale.length; j++) {
      if (!(scale[j] > 0) || Double.isInfinite(scale[j]) || !Double.isFinite(mean[j])) {
        throw new IllegalArgumentException("column " + j + ": mean " + mean[j] + ", scale "
            + scale[j] + " (need a finite mean and a finite scale > 0)");
      }
    }
    if (!(targetScale > 0) || Double.isInfinite(targetScale) || !Double.isFinite(targetMean)) {
      throw new IllegalArgumentException("target: mean " + targetMean + ", scale " + targetScale
          + " (need a finite mean and a finite scale > 0)");
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.targetMean = targetMean;
    this.targetScale = targetScale;
  }

  /**
   * Accumulates weighted means and variances in one pass (West's weighted Welford update).
   * Each column is accumulated in units of a power of two at its largest magnitude so far, so that
   * the squares neither underflow for values near 1e-300 nor overflow for values near 1e+300, and
   * "constant" (sd ≤ 1e-12 of the larger of |mean| and the largest magnitude) is judged relative
   * to the column's own magnitude. When a larger value arrives, the sums so far are rescaled to
   * the new unit; a power-of-two rescaling is exact, so the result does not depend on where in
   * the data the largest value sits (a unit fixed by the first value let one later value 1e154
   * times larger overflow the squares).
   */
  public static final class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int p;
    /** Per column, and the target at index p: running mean and M2, both in units of unit[j]. */
    private final double[] mean;
    private final double[] m2;
    private final double[] unit;
    private double totalWeight;
    private long rows;

    public Accumulator(int p) {
      if (p < 0) {
        throw new IllegalArgumentException("negative column count " + p);
      }
      this.p = p;
      this.mean = new double[p + 1];
      this.m2 = new double[p + 1];
      this.unit = new double[p + 1];
    }

    /**
     * The unit after seeing v: the power of two at the larger of |v| and the current unit (0 while
     * all values were 0).
     */
    private static double unitOf(double current, double v) {
      if (v == 0 || (current != 0 && Math.getExponent(v) <= Math.getExponent(current))) {
        return current;
      }
      return Math.scalb(1.0, Math.getExponent(v));
    }

    /** Adds one row; rows with weight ≤ 0 (or NaN) are ignored. Values must be finite. */
    public Accumulator add(double[] x, double y, double weight) {
      if (x.length != p) {
        throw new IllegalArgumentException("row has " + x.length + " values, expected " + p);
      }
      if (!(weight > 0)) {
        return this;
      }
      totalWeight += weight;
      double f = weight / totalWeight;
      for (int j = 0; j < p; j++) {
        update(j, x[j], f, weight);
      }
      update(p, y, f, weight);
      rows++;
      return this;
    }

    /** The weighted Welford step for value v of column j (j = p: the target), f = w / W. */
    private void update(int j, double v, double f, double weight) {
      double u = unitOf(unit[j], v);
      if (u != unit[j]) {
        if (unit[j] != 0) {
          double shrink = unit[j] / u; // a power of two below 1: exact unless it underflows
          mean[j] *= shrink;
          m2[j] *= shrink * shrink;
        }
        unit[j] = u;
      }
      double vs = u == 0 ? 0 : v / u;
      double delta = vs - mean[j];
      mean[j] += f * delta;
      m2[j] += weight * delta * (vs - mean[j]);
    }

    /**
     * Adds the rows another accumulator has seen (Chan, Golub and LeVeque's pairwise update, in
     * West's weighted form): with δ the difference of the two means and W = W_a + W_b, the mean
     * moves by δ·W_b/W and M2 gains M2_b + δ²·W_a·W_b/W. Both sides are first brought to the
     * larger of their units, which is exact since units are powers of two. This is what lets
     * partitions of a data set be summarised separately (on Spark) and combined.
     *
     * @return this accumulator, now holding both
     */
    public Accumulator merge(Accumulator other) {
      if (other.p != p) {
        throw new IllegalArgumentException("cannot merge " + other.p + " columns into " + p);
      }
      if (!(other.totalWeight > 0)) {
        return this;
      }
      if (!(totalWeight > 0)) {
        System.arraycopy(other.mean, 0, mean, 0, p + 1);
        System.arraycopy(other.m2, 0, m2, 0, p + 1);
        System.arraycopy(other.unit, 0, unit, 0, p + 1);
        totalWeight = other.totalWeight;
        rows = other.rows;
        return this;
      }
      double total = totalWeight + other.totalWeight;
      double fOther = other.totalWeight / total;
      double cross = totalWeight * fOther; // W_a·W_b/W
      for (int j = 0; j <= p; j++) {
        double u = Math.max(unit[j], other.unit[j]);
        double a = rescaled(mean[j], unit[j], u);
        double b = rescaled(other.mean[j], other.unit[j], u);
        double m2a = rescaled(rescaled(m2[j], unit[j], u), unit[j], u);
        double m2b = rescaled(rescaled(other.m2[j], other.unit[j], u), other.unit[j], u);
        double delta = b - a;
        mean[j] = a + delta * fOther;
        m2[j] = m2a + m2b + delta * delta * cross;
        unit[j] = u;
      }
      totalWeight = total;
      rows += other.rows;
      return this;
    }

    /** v, given in units of {@code from}, in units of {@code to} ≥ from (0 when from is 0). */
    private static double rescaled(double v, double from, double to) {
      return from == 0 || to == 0 ? 0 : from == to ? v : v * (from / to);
    }

    /** Sum of the (positive) weights seen. */
    public double totalWeight() {
      return totalWeight;
    }

    /** Number of rows with positive weight seen. */
    public long rows() {
      return rows;
    }

    public Standardization build() {
      double[] s = new double[p];
      double[] mu = new double[p];
      for (int j = 0; j < p; j++) {
        s[j] = scaleOf(mean[j], m2[j], unit[j]);
        mu[j] = mean[j] * unit[j];
      }
      return new Standardization(mu, s, mean[p] * unit[p], scaleOf(mean[p], m2[p], unit[p]));
    }

    /** sd in original units, or 1 for a column that is constant relative to its magnitude. */
    private double scaleOf(double mu, double sumSq, double u) {
      if (!(totalWeight > 0) || u == 0) {
        return 1.0;
      }
      double sd = Math.sqrt(Math.max(0, sumSq / totalWeight));
      if (!(sd > CONSTANT_RELATIVE * Math.max(1.0, Math.abs(mu))) || Double.isInfinite(sd)) {
        return 1.0;
      }
      double scaled = sd * u;
      return scaled > 0 && Double.isFinite(scaled) ? scaled : 1.0;
    }
  }

  /**
   * The same input standardization with the target left as it is (mean 0, scale 1): a class
   * index is a label, not a quantity to standardize.
   */
  public Standardization withoutTargetScaling() {
    return new Standardization(mean, scale, 0, 1);
  }

  public int columns() {
    return mean.length;
  }

  /** Copy of μ. */
  public double[] means() {
    return mean.clone();
  }

  /** Copy of s. */
  public double[] scales() {
    return scale.clone();
  }

  public double targetMean() {
    return targetMean;
  }

  public double targetScale() {
    return targetScale;
  }

  /** x_std = (x − μ) / s, written into {@code out} (which may be {@code x}); returns out. */
  public double[] standardize(double[] x, double[] out) {
    if (x.length != mean.length || out.length != mean.length) {
      throw new IllegalArgumentException("expected " + mean.length + " values, got " + x.length);
    }
    for (int j = 0; j < mean.length; j++) {
      out[j] = centreAndScale(x[j], mean[j], scale[j]);
    }
    return out;
  }

  /**
   * (x − μ) / s. Near ±Double.MAX_VALUE the difference x − μ can overflow although the quotient
   * is moderate; only then is it taken in halves, (x/2 − μ/2) / s · 2, which is exact scaling, so
   * every other value is computed exactly as before.
   */
  private static double centreAndScale(double x, double mu, double s) {
    double z = (x - mu) / s;
    if (Double.isInfinite(z) && Double.isFinite(x)) {
      z = (0.5 * x - 0.5 * mu) / s * 2.0;
    }
    return z;
  }

  /** (y − μ_y) / s_y. */
  public double standardizeTarget(double y) {
    return centreAndScale(y, targetMean, targetScale);
  }

  /** μ_y + s_y · ŷ_std. */
  public double unstandardizeTarget(double yStd) {
    return targetMean + targetScale * yStd;
  }

  /** Prediction in original units of a network fitted on standardized data. */
  public double predict(QuadraticNetwork standardized, double[] x) {
    return unstandardizeTarget(standardized.predict(standardize(x, new double[x.length])));
  }

  /**
   * The same predictor expressed on the original scale: a network with unit-norm hidden weights
   * v_j, output weights α'_j (same unit order as the input), a linear term β_o (always present:
   * centring produces one even when β = 0) and bias c_o.
   */
  public QuadraticNetwork toOriginalUnits(QuadraticNetwork standardized) {
    int p = mean.length;
    int r = standardized.hiddenUnits();
    double[] beta = standardized.linearTerm();
    if (beta != null && beta.length != p) {
      throw new IllegalArgumentException("network has " + beta.length + " inputs, expected " + p);
    }
    double[] alphaO = new double[r];
    double[][] v = new double[r][];
    double[] betaO = new double[p];
    double quadMu = 0; // μᵀ D L D μ
    for (int j = 0; j < r; j++) {
      double[] w = standardized.hiddenWeights(j);
      if (w.length != p) {
        throw new IllegalArgumentException("network has " + w.length + " inputs, expected " + p);
      }
      double[] dw = new double[p];
      double norm2 = 0;
      double muDw = 0;
      for (int k = 0; k < p; k++) {
        dw[k] = w[k] / scale[k];
        norm2 += dw[k] * dw[k];
        muDw += mean[k] * dw[k];
      }
      double a = standardized.alpha(j);
      // D L D μ = Σ_j α_j (D w_j)(D w_j · μ)
      for (int k = 0; k < p; k++) {
        betaO[k] -= 2 * targetScale * a * dw[k] * muDw;
      }
      quadMu += a * muDw * muDw;
      double norm = Math.sqrt(norm2);
      if (norm > 0) {
        for (int k = 0; k < p; k++) {
          dw[k] /= norm;
        }
      }
      v[j] = dw;
      alphaO[j] = targetScale * a * norm2;
    }
    double betaDMu = 0;
    if (beta != null) {
      for (int k = 0; k < p; k++) {
        betaO[k] += targetScale * beta[k] / scale[k];
        betaDMu += beta[k] * mean[k] / scale[k];
      }
    }
    double cO = targetMean + targetScale * (standardized.bias() - betaDMu + quadMu);
    return new QuadraticNetwork(alphaO, v, betaO, cO);
  }

  /**
   * How far the original-units form {@code original} (from {@link #toOriginalUnits}) strays from
   * the standardized network it was made from: the largest |difference| of their predictions,
   * in units of s_y, at x = μ, x = μ ± s_k/2 e_k and a few seeded points μ + s ⊙ z with z
   * uniform in [−½, ½]^p, i.e. inside the training cloud, both without activation clamps.
   * The form can be wrong without any arithmetic error being visible: a scale beyond 1e±154
   * makes α'_j = s_y α_j ‖D w_j‖² overflow or underflow, and a column with a large mean and a
   * tiny spread loses the digits of its spread when (x − μ)ᵀL(x − μ) is expanded. Infinity when
   * a prediction is not finite.
   */
  public double originalUnitsError(QuadraticNetwork standardized, QuadraticNetwork original) {
    int p = mean.length;
    // The original-units form is the unclamped formula, so it is compared with the unclamped
    // network: a unit along a low-variance direction has a narrow clamp interval that even these
    // probes can leave, and the clamp is a prediction-time guard, not part of the formula.
    QuadraticNetwork formula = standardized.withoutActivationRange();
    java.util.Random rng = new java.util.Random(20240505L);
    double worst = 0;
    double[] z = new double[p];
    int probes = 1 + 2 * Math.min(p, 20) + 5;
    for (int t = 0; t < probes; t++) {
      java.util.Arrays.fill(z, 0);
      if (t >= 1 && t <= 2 * Math.min(p, 20)) {
        z[(t - 1) / 2] = (t % 2 == 1) ? 0.5 : -0.5;
      } else if (t > 0) {
        for (int k = 0; k < p; k++) {
          z[k] = rng.nextDouble() - 0.5;
        }
      }
      double[] x = new double[p];
      for (int k = 0; k < p; k++) {
        x[k] = mean[k] + scale[k] * z[k];
      }
      double viaStandardized = formula.predict(standardize(x, new double[p]));
      double viaOriginal = (original.predict(x) - targetMean) / targetScale;
      double gap = Math.abs(viaOriginal - viaStandardized);
      if (!Double.isFinite(viaOriginal) || !(gap == gap)) {
        return Double.POSITIVE_INFINITY;
      }
      worst = Math.max(worst, gap);
    }
    return worst;
  }
}
