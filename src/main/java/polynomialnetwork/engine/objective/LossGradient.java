package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.SymmetricOperator;

/**
 * The gradient of a loss in the model's parameters at an evaluated point, as the optimizer uses
 * it (doc/algorithms.md §2, §5): the p×p direction G in L, applied matrix-free (each product
 * {@link #apply} is one pass over the rows) or formed ({@link #formExplicit}), and the
 * directions in β and c. For the squared loss G is the debiased gradient, whose unit step is
 * unbiased for Gaussian inputs; a loss without such a correction returns its plain gradient
 * (half of it, in the units of {@link Objective}) and a zero {@link #identityShift()}.
 */
public interface LossGradient extends SymmetricOperator {

  /**
   * G·Π for the basis Π the evaluation was given as planned, computed in the evaluation's own
   * pass; null when it could not be (then {@code apply(Π)} costs a pass). A new array each call.
   */
  double[][] plannedProduct();

  /** W, the total weight of the rows the gradient is taken over. */
  double batchWeight();

  /** The β-direction (the β-step is β − η·this), or null without a linear term. */
  double[] linearDirection();

  /** The c-direction of the unpenalised update (the c-step is c − η·this). */
  double constantDirection();

  /** The plain gradient of the loss in c (the c-direction under a ridge penalty). */
  double plainConstantGradient();

  /**
   * The multiple of the identity that G lacks against half the plain gradient in L (the
   * debiasing correction; 0 for a loss that is not debiased).
   */
  double identityShift();

  /** G as an explicit p×p matrix: O(m·p²) time, O(p²) memory (EP-ROM and BK-SVD only). */
  DenseSymmetricMatrix formExplicit();
}
