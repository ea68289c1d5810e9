package polynomialnetwork.engine;

/**
 * How a trained network predicts away from its training rows, and the one place the defaults
 * and validity of these settings live: each hidden unit's input clamped to its training range
 * widened by {@link #activationMargin()} ({@link QuadraticNetwork#withActivationRange}), and
 * predictions clipped to the training class range widened by {@link #clipMargin()}
 * ({@link PredictionBounds}). Immutable; the solver never reads them.
 */
public final class PredictionSettings {

  /** The defaults: what a user who sets nothing gets. */
  public static final PredictionSettings DEFAULTS = new PredictionSettings(0.1, 0.5);

  private final double activationMargin;
  private final double clipMargin;

  private PredictionSettings(double activationMargin, double clipMargin) {
    this.activationMargin = activationMargin;
    this.clipMargin = clipMargin;
  }

  /**
   * Each hidden unit's input w_j·z is clamped, when predicting, to its range on the training
   * rows widened by this fraction of it on each side; negative = off.
   */
  public double activationMargin() {
    return activationMargin;
  }

  /** A copy with this activation margin; the message names the option when it is invalid. */
  public PredictionSettings activationMargin(double v) {
    require(v, "-activation-margin must be a finite number (a negative value turns clamping"
        + " off), got " + v);
    return new PredictionSettings(v, clipMargin);
  }

  /**
   * Predictions are clipped to the training class range widened by this fraction of it on each
   * side; negative = off.
   */
  public double clipMargin() {
    return clipMargin;
  }

  /** A copy with this clip margin; the message names the option when it is invalid. */
  public PredictionSettings clipMargin(double v) {
    require(v, "-clip must be a finite number (a negative value turns clipping off), got " + v);
    return new PredictionSettings(activationMargin, v);
  }

  private static void require(double v, String message) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(message);
    }
  }
}
