package polynomialnetwork.engine;

import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.objective.Objective;
import polynomialnetwork.engine.objective.SquaredLoss;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.RankSelection;
import polynomialnetwork.engine.optimizer.RecoverySolver;
import polynomialnetwork.engine.optimizer.SolverSettings;

/**
 * Fits for the tests and benchmarks: the squared loss on rows held in memory (on
 * {@link SolverSettings#effectiveThreads()} threads) or on given row blocks, through the
 * optimizer's one entry, {@link RecoverySolver#fit(Objective, SolverSettings)}, as the Weka
 * classifier fits (the optimizer itself never makes rows or a loss).
 */
public final class InMemoryFit {

  private InMemoryFit() {
  }

  /** The squared loss on rows in memory. */
  public static FitResult fit(DesignMatrix x, SolverSettings settings) {
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, settings.effectiveThreads())) {
      return fit(blocks, settings);
    }
  }

  /** The squared loss on the rows. */
  public static FitResult fit(RowBlocks blocks, SolverSettings settings) {
    return RecoverySolver.fit(new SquaredLoss(blocks), settings);
  }

  /** Any objective (the optimizer's own entry). */
  public static FitResult fit(Objective objective, SolverSettings settings) {
    return RecoverySolver.fit(objective, settings);
  }

  /** The automatic rank (-N 0) for the squared loss on rows in memory. */
  public static RankSelection.Choice chooseRank(DesignMatrix x, SolverSettings settings,
      int maxRank) {
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, settings.effectiveThreads())) {
      return RankSelection.choose(new SquaredLoss(blocks), settings, maxRank);
    }
  }
}
