package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.FactoredSymmetric;

/** A refitted core ({@link Objective#refitCore}): the new L on the same subspace, and c. */
public final class CoreFit {

  public final FactoredSymmetric interaction;
  public final double bias;

  public CoreFit(FactoredSymmetric interaction, double bias) {
    this.interaction = interaction;
    this.bias = bias;
  }
}
