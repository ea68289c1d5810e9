package polynomialnetwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import polynomialnetwork.engine.FitResult.StopReason;

/**
 * Interruption at awkward moments (issue 8 findings, fixed): every result has at least one
 * trace record, and an interrupted validation run's best iterate is kept.
 *
 * <p>The original fault: {@code SolverRun.iterate} checks the interrupt flag at the top of its loop, before
 * the first {@code IterationRecord} is added, and a {@code SolverInterruptedException} in the
 * first evaluation pass also leaves the trace empty. Code that then reads the trace fails with
 * an {@code IndexOutOfBoundsException}:
 * <ul>
 * <li>{@code RecoverySolver.fit} with a held-out fraction: {@code probe.trace().get(size - 1)}
 * (RecoverySolver.java:48, index -1);</li>
 * <li>{@code RecoverySolver.chooseRank}: {@code probe.trace().get(probe.bestIteration())};</li>
 * <li>{@code FitResult.bestRelativeResidual()}: {@code trace.get(bestIteration)} (index 0).</li>
 * </ul>
 * And by design of the held-out path: when the validation probe is interrupted, the refit on
 * all rows starts with the interrupt flag still set and returns at once with an empty trace, so
 * the probe's best iterate is lost (the classifier then has nothing to keep).
 */
class InterruptedSolverFindingsTest {

  private static SolverSettings base() {
    return PlantedProblem.singleRun().rank(2).seed(2).maxIterations(60);
  }

  private static PlantedProblem problem() {
    return PlantedProblem.spec().p(20).r(2).m(1000).seed(9).build();
  }

  @Test
  void interruptedFitWithValidationReturnsAnInterruptedResult() {
    Thread.currentThread().interrupt();
    try {
      FitResult fit = RecoverySolver.fit(problem().data, base().validationFraction(0.2));
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void interruptedBeforeTheFirstIterateStillHasAResidual() {
    Thread.currentThread().interrupt();
    try {
      FitResult fit = RecoverySolver.fit(problem().data, base());
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertEquals(1.0, fit.bestRelativeResidual(), 0.0, "the zero model's residual");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void interruptedRankChoiceReturnsAChoice() {
    Thread.currentThread().interrupt();
    try {
      RankSelection.Choice choice = RankSelection.choose(problem().data, base(), 5);
      assertTrue(choice.rank >= 1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void interruptDuringTheValidationProbeKeepsItsBestIterate() throws Exception {
    final PlantedProblem pp = PlantedProblem.spec().p(20).r(2).m(1000).seed(9).build();
    final Thread self = Thread.currentThread();
    SolverSettings s = base().validationFraction(0.2).tolerance(0).maxIterations(1000)
      .listener(r -> {
        if (r.iteration == 3) {
          self.interrupt(); // after three iterations of the probe
        }
      });
    try {
      FitResult fit = RecoverySolver.fit(pp.data, s);
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertTrue(fit.trace().size() >= 1, "the returned model must be an evaluated iterate");
      assertTrue(fit.bestRelativeResidual() < 1.0, "the probe's progress must be kept");
    } finally {
      Thread.interrupted();
    }
  }
}
