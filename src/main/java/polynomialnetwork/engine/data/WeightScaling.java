package polynomialnetwork.engine.data;

/**
 * Instance weights enter the fit only relative to their total (the loss and every weighted mean
 * are divided by W = Σ wᵢ), so multiplying all of them by a power of two changes nothing, exactly.
 * Weights near the ends of the double range do change things: twelve weights of 1e308 add up to
 * Infinity, and weights of 1e-310 lose digits in every product. Such weights are brought to
 * [1, 2) by a power of two before they are used; weights within 2^±256 are left as given, so the
 * usual cases compute exactly as without this step.
 */
public final class WeightScaling {

  private static final int LIMIT_EXPONENT = 256;

  private WeightScaling() {
  }

  /**
   * @param maxWeight the largest instance weight (finite and ≥ 0)
   * @return the power of two k to apply as {@code Math.scalb(w, k)} to every weight
   */
  public static int shiftFor(double maxWeight) {
    if (!(maxWeight > 0) || Double.isInfinite(maxWeight)) {
      return 0;
    }
    int exponent = exponentOf(maxWeight);
    return Math.abs(exponent) <= LIMIT_EXPONENT ? 0 : -exponent;
  }

  /** The binary exponent e with 2^e ≤ v &lt; 2^(e+1), also for subnormal v. */
  static int exponentOf(double v) {
    if (v >= Double.MIN_NORMAL) {
      return Math.getExponent(v);
    }
    return Math.getExponent(v * 0x1p54) - 54;
  }

  /** {@code w · 2^shift}, exact unless the result leaves the normal range. */
  public static double apply(double w, int shift) {
    return shift == 0 ? w : Math.scalb(w, shift);
  }
}
