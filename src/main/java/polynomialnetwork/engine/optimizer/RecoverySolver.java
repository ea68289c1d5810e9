package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.objective.Objective;

/**
 * EP-ROM and AP-ROM (Soltani &amp; Hegde, AISTATS 2018, Algorithm 1; doc/algorithms.md §3):
 * learns f(x) = xᵀLx + βᵀx + c with rank(L) ≤ r by minimising an {@link Objective} (the squared
 * loss on rows behind a {@link RowBlocks} seam, unless another is given).
 *
 * <pre>
 * L ← 0, β ← 0, c ← 0
 * repeat                                            (SolverRun)
 *   evaluate the loss and its gradient G at (L, β, c)      one pass (Objective.evaluate)
 *   stop on tolerance / stagnation / divergence / budget, keeping the best  (StoppingRules)
 *   L ← P_r(L − η G)                    (EP-ROM: ExactProjectionUpdate)
 *     | T(L − η H(G)), H by (M)BK-SVD    (AP-ROM: HeadTailUpdate)
 *   η from the step rule on the objective's step model (StepSize, one pass)
 *   (β, c) ← (β, c) − η_b (Dβ, Dc)                          (§5)
 * </pre>
 *
 * Around that loop: the automatic rank ({@link RankSelection}), early stopping by validation
 * runs and a refit ({@link ValidatedFit}), and the comparison with the best linear model
 * ({@link LinearBaseline}).
 */
public final class RecoverySolver {

  private RecoverySolver() {
  }

  /**
   * Fits the model; never returns a diverged iterate (the best one seen is returned), nor one
   * that fits the training rows worse than the best linear model (that model is returned
   * instead, see {@link FitResult#linearFallback}). With {@link SolverSettings#AUTOMATIC_RANK}
   * the rank is chosen first ({@link FitResult#rankScores}).
   */
  public static FitResult fit(Objective objective, SolverSettings settings) {
    DenseMatrixBudget.require(objective.dimension(), settings.method(),
        Runtime.getRuntime().maxMemory());
    RankSelection.Choice choice = null;
    if (settings.rank() == SolverSettings.AUTOMATIC_RANK) {
      choice = RankSelection.choose(objective, settings, SolverSettings.MAX_AUTOMATIC_RANK);
      settings = settings.rank(choice.rank);
    }
    FitResult fit;
    try (RowSamples samples = new RowSamples(objective, settings)) {
      fit = ValidatedFit.fit(objective, settings, samples);
    }
    if (!Thread.currentThread().isInterrupted()) {
      fit = LinearBaseline.notWorseThanLinear(objective, settings, fit);
    }
    return choice == null ? fit : fit.withRankScores(choice.validationRmse);
  }
}
