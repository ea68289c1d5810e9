package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;

/**
 * The scale of one run, from the zero model's loss on its fitted and held-out rows: what turns
 * a loss (in the units of {@link Objective}) into the relative error the stopping rules judge
 * and the per-row errors the trace reports. {@link #relative} is 1 at the zero model and grows
 * with the loss; the stopping rules' tolerance, stagnation and divergence factors are read on
 * it. For the squared loss the relative error is ‖d‖/‖y‖ (a square root of the loss) and the
 * per-row error the weighted RMSE.
 */
public interface LossScale {

  /** True when there is nothing to fit: no weight on the fitted rows, or a zero-model loss of 0. */
  boolean degenerate();

  /** W, the total weight of the fitted rows. */
  double fittedWeight();

  /** The relative error of a loss on the fitted rows (1 for the zero model). */
  double relative(double fittedLoss);

  /** The per-row error of a loss on the fitted rows. */
  double fittedError(double fittedLoss);

  /** The per-row error of a loss on the held-out rows. */
  double heldOutError(double heldOutLoss);

  /** {@link #fittedError} of the zero model. */
  double zeroFittedError();

  /** {@link #heldOutError} of the zero model. */
  double zeroHeldOutError();

  /**
   * The ridge penalty (λ/2)·W·(‖L‖_F² + ‖β‖²) in loss units: λ·W·(‖L‖_F² + ‖β‖²), W the fitted
   * rows' weight (the bias c is not penalised).
   */
  default double penalty(double ridge, FactoredSymmetric l, double[] beta) {
    return ridge * fittedWeight() * parameterNormSquared(l, beta);
  }

  /** ‖L‖_F² + ‖β‖², the penalised parameters (β may be null). */
  static double parameterNormSquared(FactoredSymmetric l, double[] beta) {
    double n = Math.max(0, l.inner(l));
    return beta == null ? n : n + Linalg.dot(beta, beta);
  }
}
