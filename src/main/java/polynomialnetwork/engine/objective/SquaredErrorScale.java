package polynomialnetwork.engine.objective;

/**
 * The squared loss's scale of a run: ‖d‖/‖y‖ relative to the zero model (whose residual is −y),
 * and the weighted RMSE per row, on the fitted and on the held-out rows.
 */
final class SquaredErrorScale implements LossScale {

  private final double fittedWeight;
  private final double fittedSquares;
  private final double heldOutWeight;
  private final double heldOutSquares;

  /** Σ w and Σ w y² over the fitted rows, then over the held-out rows. */
  SquaredErrorScale(double fittedWeight, double fittedSquares, double heldOutWeight,
      double heldOutSquares) {
    this.fittedWeight = fittedWeight;
    this.fittedSquares = fittedSquares;
    this.heldOutWeight = heldOutWeight;
    this.heldOutSquares = heldOutSquares;
  }

  @Override
  public boolean degenerate() {
    return !(Math.sqrt(fittedSquares) > 0) || !(fittedWeight > 0);
  }

  @Override
  public double fittedWeight() {
    return fittedWeight;
  }

  /** ‖d‖/‖y‖ on the fitted rows. */
  @Override
  public double relative(double fittedLoss) {
    return Math.sqrt(fittedLoss) / Math.sqrt(fittedSquares);
  }

  /** The weighted RMSE on the fitted rows. */
  @Override
  public double fittedError(double fittedLoss) {
    return Math.sqrt(fittedLoss / fittedWeight);
  }

  /** The weighted RMSE on the held-out rows. */
  @Override
  public double heldOutError(double heldOutLoss) {
    return Math.sqrt(heldOutLoss / heldOutWeight);
  }

  @Override
  public double zeroFittedError() {
    return Math.sqrt(fittedSquares) / Math.sqrt(fittedWeight);
  }

  @Override
  public double zeroHeldOutError() {
    return Math.sqrt(heldOutSquares / heldOutWeight);
  }
}
