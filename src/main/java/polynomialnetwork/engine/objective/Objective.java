package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * The problem side of a fit (doc/algorithms.md §2, §10, §12): a loss on training rows that the
 * optimizer can only ask for values. Everything that reads a row lives behind this interface —
 * the per-row state (predictions or residuals, loss derivatives, the rows' split numbers, kept
 * projections), the passes, and every fusion and cache that saves one — so the optimizer (the
 * loop, the EP-ROM and AP-ROM updates, the Krylov head, stopping, validation, rank choice, the
 * linear baseline) never sees a row or a per-row array.
 *
 * <p>The model is f(x) = xᵀLx + βᵀx + c with L = U diag(s) Uᵀ of rank ≤ r; the loss is
 * F = Σᵢ wᵢ ℓ(f(xᵢ), yᵢ) over the rows a {@link RowSelection} fits on, in the units of Σ w d²
 * for the squared loss (twice the loss (1/2)Σ w d²): the ridge penalty (λ/2)W‖θ‖² then enters
 * as λW‖θ‖² ({@link LossScale#penalty}), and a step model is in the same units.
 *
 * <p>The objective is stateful and serves one fit at a time, on rows no other objective uses
 * (their state holds its per-row numbers). The optimizer calls, in this order: per fit, for each
 * run (a validation run or the fit on all rows), {@link #splitRows} when it holds rows out or
 * samples them, {@link #startRun}, then per iteration {@link #evaluate}, products of the
 * gradient (valid until the next evaluation), {@link #stepModel}, and {@link #refitCore} when
 * asked; after the runs, the linear baseline's {@link #linearModel}, {@link #loss} and
 * {@link #scale}.
 */
public interface Objective {

  /** p, the number of inputs per row. */
  int dimension();

  /**
   * The length of β: p unless the point lays out several scores (the multinomial log-loss,
   * {@link ClassScores}).
   */
  default int linearDimension() {
    return dimension();
  }

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
   * The scale of the rows {@code selection} fits on and holds out: the zero model's loss on
   * them and their weights, against which relative and per-row errors are measured
   * ({@link LossScale}). One pass; runs even when the thread is interrupted.
   */
  LossScale scale(RowSelection selection);

  /**
   * Starts a run that holds out the rows {@code holdout} holds out: forgets what the last run's
   * evaluations left for the next one, and returns {@link #scale scale(holdout)}.
   */
  LossScale startRun(RowSelection holdout);

  /**
   * One pass at the model (L, β, c): the loss on the fitted and on the held-out rows, the
   * per-row values the gradient and the step model need (kept beside the rows), and the
   * gradient on the rows {@code batch} fits on.
   *
   * @param beta the linear term, or null when the model has none
   * @param plannedBasis the basis Π the optimizer will multiply the gradient by first (the
   *     Krylov head's start), or null; the objective may compute G·Π in this same pass and hand
   *     it out as {@link LossGradient#plannedProduct()}
   */
  LossEvaluation evaluate(FactoredSymmetric l, double[] beta, double c, RowSelection batch,
      double[][] plannedBasis);

  /**
   * What the step rule needs along an update direction: the 4×4 symmetric matrix M of a
   * quadratic model of the loss on the rows {@code batch} fits on, in the step coefficients
   * η = (η_head, η_previous, η_linear) (indices of {@link StepModel}):
   *
   * <pre>  F(θ − Σ_k η_k P_k) ≈ M[C][C] − 2 Σ_k η_k M[k][C] + Σ_{k,l} η_k η_l M[k][l],</pre>
   *
   * C = {@link StepModel#CURRENT}, θ the last evaluated point, P_head = (D, 0) and
   * P_linear = (0, (Dβ, Dc)) the update's directions, and P_previous = θ − θ_previous, the
   * previous step, θ_previous the point of the evaluation before the last in this run (a
   * positive η_previous steps back along it); its per-row effect is f(θ) − f(θ_previous). For
   * the squared loss the model is exact: M is the weighted Gram matrix of the per-row effects
   * (a, e, b) and the residual d. A loss without a closed-form best step answers with a quadratic
   * whose minimizer decreases the loss on these rows before the rank projection: a majorizer
   * (above the loss, touching it at η = 0), or, as the log-loss does, the quadratic with the exact
   * Hessian at the step its own search found (doc/algorithms.md §12). One pass over the rows
   * (a loss may add light passes over per-row numbers it keeps).
   */
  double[][] stepModel(UpdateDirection direction, RowSelection batch);

  /**
   * The loss of the model (L, β, c) on every row {@code selection} does not hold out (all
   * batches); one pass, no state changed.
   */
  double loss(FactoredSymmetric l, double[] beta, double c, RowSelection selection);

  /**
   * The best linear model ŷ = βᵀx + c on all rows: the minimiser of F/2W + (λ/2)‖β‖² (c not
   * penalised), i.e. of F plus {@link LossScale#penalty}; {β_1 … β_p, c}. A few tens of passes.
   */
  double[] linearModel(double ridge);

  /**
   * The best core on the iterate's own subspace: for L = U S Uᵀ and β fixed, the symmetric S
   * (and the bias c) minimising the loss on the rows {@code selection} does not hold out
   * (doc/algorithms.md §6 (a)); null when the subspace is empty, the system degenerate, or the
   * loss offers no refit.
   */
  CoreFit refitCore(FactoredSymmetric l, double[] beta, double bias, RowSelection selection);

  /**
   * The same loss on a copy of the nested sample of its rows of fraction {@code fraction}
   * ({@link RowSplit#sample}: a sample of a larger fraction holds it, and which rows it holds
   * does not depend on the layout of the rows), with per-row state of its own; null when this
   * objective does not sample or the sample is empty. Building it is one read of the rows.
   * The optimizer's early iterations run on such samples (doc/algorithms.md §3.10);
   * {@link #release()} frees the copy.
   */
  default Objective sample(long seed, double fraction) {
    return null;
  }

  /**
   * Frees the copy of the rows a {@link #sample} holds (its rows' {@code RowBlocks.release()},
   * which does nothing on rows that are not a subset).
   */
  default void release() {
  }
}
