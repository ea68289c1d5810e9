package polynomialnetwork.engine;

/**
 * Keeps predictions within a margin around the training class range. A quadratic model grows
 * quadratically away from the data; clipping stops a point far outside the training inputs from
 * getting an absurd value (a linear model would not either).
 */
public final class PredictionBounds {

  private PredictionBounds() {
  }

  /**
   * The interval [min − margin·range, max + margin·range].
   *
   * @param min the smallest training class value
   * @param max the largest
   * @param margin the fraction of the range added on each side; negative = no clipping
   * @return {lower, upper}, or null when clipping is off or no class range is known
   */
  public static double[] of(double min, double max, double margin) {
    if (margin < 0 || !(max >= min)) {
      return null;
    }
    // A class range near ±Double.MAX_VALUE overflows the width (and 0 · ∞ would be NaN): the
    // bounds then saturate at the largest finite doubles.
    double pad = margin == 0 ? 0 : margin * (max - min);
    return new double[] {Math.max(-Double.MAX_VALUE, min - pad),
        Math.min(Double.MAX_VALUE, max + pad)};
  }

  /**
   * @param y a prediction (possibly ±∞ from {@link QuadraticNetwork#saturatedPrediction})
   * @param bounds from {@link #of}, or null for none
   * @return y within the bounds, and finite: an infinite value without bounds becomes the
   *     largest finite double of its sign
   */
  public static double clip(double y, double[] bounds) {
    double clipped = bounds == null ? y : Math.max(bounds[0], Math.min(bounds[1], y));
    return Double.isFinite(clipped) ? clipped : Math.copySign(Double.MAX_VALUE, clipped);
  }
}
