package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.SymmetricOperator;

/**
 * The gradient of a loss at an evaluated point, as the optimizer uses it (doc/algorithms.md §2,
 * §5, §12), on the rows of total weight W the evaluation's batch fits on, F the loss in the
 * units of {@link Objective}:
 *
 * <pre>
 *   G + identityShift·I = ∇_L F / 4W        (the direction in L, p×p, symmetric)
 *   plain β-direction   = ∇_β F / 2W
 *   plainConstantGradient = ∂_c F / 2W
 * </pre>
 *
 * so that with the ridge penalty (λ/2)‖θ‖² on F/2W the penalised directions are G +
 * identityShift·I + (λ/2)L, ∇_β F/2W + λβ and ∂_c F/2W. For the squared loss G is the debiased
 * gradient (1/2W)[Σ w d x xᵀ − (Σ w d) I], whose unit step is unbiased for Gaussian inputs, and
 * {@link #constantDirection} its debiased c-direction; a loss that is not debiased returns its
 * plain gradient, an {@link #identityShift()} of 0, and {@link #constantDirection} =
 * {@link #plainConstantGradient}.
 *
 * <p>Products {@link #apply} are passes over the rows and read the per-row values the
 * evaluation left: a gradient is valid until the objective's next evaluation.
 */
public interface LossGradient extends SymmetricOperator {

  /**
   * G·Π for the basis Π the evaluation was given as planned, computed in the evaluation's own
   * pass; null when it could not be (then {@code apply(Π)} costs a pass). A new array each call.
   */
  double[][] plannedProduct();

  /** W, the total weight of the rows the gradient is taken over. */
  double batchWeight();

  /** The β-direction ∇_β F / 2W (the β-step is β − η·this), or null without a linear term. */
  double[] linearDirection();

  /** The c-direction of the unpenalised update (the c-step is c − η·this). */
  double constantDirection();

  /** ∂_c F / 2W, the plain gradient in c (the c-direction under a ridge penalty). */
  double plainConstantGradient();

  /** The multiple of I that G lacks against ∇_L F / 4W (the debiasing; 0 when not debiased). */
  double identityShift();

  /** G as an explicit p×p matrix: O(m·p²) time, O(p²) memory (EP-ROM and BK-SVD only). */
  DenseSymmetricMatrix formExplicit();
}
