package polynomialnetwork.engine.objective;

/** The loss at an evaluated point and the gradient there ({@link Objective#evaluate}). */
public final class LossEvaluation {

  /** The loss over the rows that are not held out (all batches), in the units of {@link Objective}. */
  public final double fittedLoss;
  /** The loss over the held-out rows (0 when none are). */
  public final double heldOutLoss;
  /** The gradient on the rows the evaluation's batch fits on, valid until the next evaluation. */
  public final LossGradient gradient;

  public LossEvaluation(double fittedLoss, double heldOutLoss, LossGradient gradient) {
    this.fittedLoss = fittedLoss;
    this.heldOutLoss = heldOutLoss;
    this.gradient = gradient;
  }
}
