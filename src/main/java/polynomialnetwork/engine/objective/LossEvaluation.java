package polynomialnetwork.engine.objective;

/** The loss at an evaluated point and the gradient there ({@link Objective#evaluate}). */
public final class LossEvaluation {

  /** The loss sum over the rows that are not held out (all batches). */
  public final double fittedLoss;
  /** The loss sum over the held-out rows (0 when none are). */
  public final double heldOutLoss;
  /** The gradient on the rows {@link #batch} fits on. */
  public final LossGradient gradient;
  /** The rows the gradient is taken over. */
  public final RowSelection batch;

  public LossEvaluation(double fittedLoss, double heldOutLoss, LossGradient gradient,
      RowSelection batch) {
    this.fittedLoss = fittedLoss;
    this.heldOutLoss = heldOutLoss;
    this.gradient = gradient;
    this.batch = batch;
  }
}
