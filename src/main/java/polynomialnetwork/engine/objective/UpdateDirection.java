package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * An update's directions, along which {@link Objective#stepModel} models the loss: the head D in
 * L (factored for AP-ROM, dense for EP-ROM), the linear direction (Dβ, Dc), and whether the
 * previous step is a third direction (the search rule's momentum).
 */
public final class UpdateDirection {

  /** D factored, or null when {@link #denseHead} is given. */
  public final FactoredSymmetric head;
  /** D dense, or null when {@link #head} is given. */
  public final DenseSymmetricMatrix denseHead;
  /** Dβ, or null without a linear term. */
  public final double[] linear;
  /** Dc (ignored when {@link #linear} is null). */
  public final double constant;
  /**
   * Whether the previous step is a direction too: from the point of the run's evaluation before
   * the last to the last one ({@link Objective#stepModel}).
   */
  public final boolean withPrevious;

  public UpdateDirection(FactoredSymmetric head, DenseSymmetricMatrix denseHead, double[] linear,
      double constant, boolean withPrevious) {
    this.head = head;
    this.denseHead = denseHead;
    this.linear = linear;
    this.constant = constant;
    this.withPrevious = withPrevious;
  }
}
