package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * A point of the fit: L (factored), the linear term β (null when it is not fitted) and the
 * bias c. Immutable by convention: an update builds a new iterate, so the best and the previous
 * one can be kept by reference.
 */
final class Iterate {

  final FactoredSymmetric interaction;
  final double[] linear;
  final double bias;

  Iterate(FactoredSymmetric interaction, double[] linear, double bias) {
    this.interaction = interaction;
    this.linear = linear;
    this.bias = bias;
  }

  /** The starting point: L = 0 (p×p), β = 0 (when fitted, of length linearDimension), c = 0. */
  static Iterate zero(int p, int linearDimension, boolean fitLinear) {
    return new Iterate(FactoredSymmetric.zero(p), fitLinear ? new double[linearDimension] : null,
        0);
  }

  /**
   * The linear part after a step: (β, c) − η_b (∇β, ∇c) + η_prev ((β, c) − (β_prev, c_prev)),
   * doc/algorithms.md §5 with the previous-step term of the search rule (§4.2).
   */
  Iterate withLinearStep(FactoredSymmetric nextInteraction, StepSize step, double[] dBeta,
      double dC, Iterate previous) {
    if (linear == null) {
      return new Iterate(nextInteraction, null, bias);
    }
    double[] nextBeta = linear.clone();
    double nextC = bias;
    for (int j = 0; j < nextBeta.length; j++) {
      nextBeta[j] -= step.onLinear * dBeta[j];
    }
    nextC -= step.onLinear * dC;
    if (step.onPrevious != 0) {
      for (int j = 0; j < nextBeta.length; j++) {
        nextBeta[j] += step.onPrevious * (linear[j] - previous.linear[j]);
      }
      nextC += step.onPrevious * (bias - previous.bias);
    }
    return new Iterate(nextInteraction, nextBeta, nextC);
  }
}
