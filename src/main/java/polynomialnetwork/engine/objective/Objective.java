package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * The problem side of a fit (doc/algorithms.md §2, §10): a loss on training rows that the
 * optimizer can only ask for values. Everything that reads a row lives behind this interface —
 * the per-row state (predictions or residuals, loss derivatives, the rows' split numbers, kept
 * projections), the passes, and every fusion and cache that saves one — so the optimizer (the
 * loop, the EP-ROM and AP-ROM updates, the Krylov head, stopping, validation, rank choice, the
 * linear baseline) never sees a row or a per-row array.
 *
 * <p>The model is f(x) = xᵀLx + βᵀx + c with L = U diag(s) Uᵀ of rank ≤ r; the loss is
 * Σᵢ wᵢ ℓ(f(xᵢ), yᵢ) over the rows a {@link RowSelection} fits on. The objective is stateful:
 * an evaluation leaves per-row values (the residuals, or the loss derivatives) beside the rows,
 * which the gradient's products and the next step's model read. Calls within one run follow the
 * order of the loop: {@link #scale}, then per iteration {@link #evaluate}, products of the
 * gradient, {@link #stepModel}.
 *
 * <p>Units: every "loss" value is in the units of Σ w d² for the squared loss, i.e. twice the
 * loss (1/2)Σ w d²; the ridge penalty (λ/2)W‖θ‖² then enters as λW‖θ‖² ({@link LossScale#penalty}),
 * and a step model's quadratic is in the same units (see {@link #stepModel}).
 */
public interface Objective {

  /** p, the number of inputs per row. */
  int dimension();

  /** m, the number of rows. */
  long rows();

  /**
   * Gives every row its seeded split numbers ({@link RowSplit}) and counts, for validation runs
   * of {@code fraction}, the rows each run holds out. With {@code fraction > 0} this is one pass;
   * with {@code fraction ≤ 0} (fresh sampling asks for the numbers only) it is a pass only when
   * the rows do not have numbers for this seed yet. Runs even when the thread is interrupted.
   *
   * @return the held-out rows of runs 0 … runs−1, then the number of rows
   */
  long[] splitRows(long seed, double fraction, int runs);

  /**
   * The scale of a run that holds out the rows {@code holdout} holds out: the loss of the zero
   * model on the fitted and held-out rows and their weights, against which a run's relative and
   * per-row errors are measured. One pass; runs even when the thread is interrupted.
   */
  LossScale scale(RowSelection holdout);

  /**
   * One pass at the model (L, β, c): the loss on the fitted and on the held-out rows, the
   * per-row values the gradient needs (kept beside the rows), and the gradient on the rows
   * {@code batch} fits on.
   *
   * @param beta the linear term, or null when the model has none
   * @param plannedBasis the basis Π the optimizer will multiply the gradient by first (the
   *     Krylov head's start), or null; the objective may compute G·Π in this same pass and hand
   *     it out as {@link LossGradient#plannedProduct()}
   * @param previous the previous evaluation of this run, or null for the first
   */
  LossEvaluation evaluate(FactoredSymmetric l, double[] beta, double c, RowSelection batch,
      double[][] plannedBasis, LossEvaluation previous);

  /**
   * What the step rule needs along an update direction: the 4×4 symmetric matrix M of a
   * quadratic model of the loss on the rows {@code batch} fits on, as a function of the step
   * coefficients η = (η_head, η_previous, η_linear) (indices of {@link StepModel}):
   *
   * <pre>  loss(θ − Σ_k η_k P_k) ≈ M[R][R] − 2 Σ_k η_k M[k][R] + Σ_{k,l} η_k η_l M[k][l],</pre>
   *
   * R = {@link StepModel#RESIDUAL}, P_k the parameter directions (the head, the previous step
   * reversed, the linear direction). For the squared loss this is exact: M is the weighted Gram
   * matrix of the per-row effects (a, e, b) and the residual d. A loss without a closed-form
   * best step answers with a majorizer (a quadratic above the loss that touches it at η = 0), so
   * that the model's minimizer provably decreases the loss. One pass.
   */
  double[][] stepModel(UpdateDirection direction, RowSelection batch);

  /** The loss of the model (L, β, c) on the rows {@code selection} fits on; one pass. */
  double loss(FactoredSymmetric l, double[] beta, double c, RowSelection selection);

  /**
   * The best linear model ŷ = βᵀx + c on all rows for this loss, with the ridge penalty
   * (λ/2)‖β‖² (c not penalised): {β_1 … β_p, c}. A few tens of passes.
   */
  double[] linearModel(double ridge);

  /**
   * The best core on the iterate's own subspace: for L = U S Uᵀ and β fixed, the symmetric S
   * (and the bias c) minimising the loss on the rows {@code selection} fits on
   * (doc/algorithms.md §6 (a)); null when the subspace is empty, the system degenerate, or the
   * loss offers no refit.
   */
  CoreFit refitCore(FactoredSymmetric l, double[] beta, double bias, RowSelection selection);
}
