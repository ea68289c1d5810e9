package polynomialnetwork.engine.objective;

/**
 * The scale of one run, from the zero model's loss on its fitted and held-out rows: what turns
 * a loss sum (in the units of {@link Objective}) into the relative error the stopping rules
 * judge and the per-row errors the trace reports. For the squared loss the relative error is
 * ‖d‖/‖y‖ and the per-row error the weighted RMSE.
 */
public interface LossScale {

  /** True when there is nothing to fit: no weight on the fitted rows, or a zero-model loss of 0. */
  boolean degenerate();

  /** The relative error of a loss sum on the fitted rows (1 for the zero model). */
  double relative(double fittedLoss);

  /** The per-row error of a loss sum on the fitted rows. */
  double fittedError(double fittedLoss);

  /** The per-row error of a loss sum on the held-out rows. */
  double heldOutError(double heldOutLoss);

  /** {@link #fittedError} of the zero model. */
  double zeroFittedError();

  /** {@link #heldOutError} of the zero model. */
  double zeroHeldOutError();

  /** The ridge penalty (λ/2)W‖θ‖² in loss units, W the fitted rows' weight. */
  double penalty(double ridge, double parameterNormSquared);
}
