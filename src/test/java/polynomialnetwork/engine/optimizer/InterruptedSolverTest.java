package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.optimizer.FitResult.StopReason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Interruption at awkward moments: every result has at least one trace record (an interrupted
 * run that evaluated nothing reports the zero model, relative residual 1), the interrupt flag
 * stays set, and when a validation run is interrupted its best iterate is kept rather than a
 * refit that could not run.
 */
class InterruptedSolverTest {

  private static SolverSettings base() {
    return PlantedProblem.singleRun().rank(2).seed(2).maxIterations(60);
  }

  private static PlantedProblem problem() {
    return PlantedProblem.spec().p(20).r(2).m(1000).seed(9).build();
  }

  /** Runs {@code check} on a thread that is already interrupted, and clears the flag after. */
  private static void onInterruptedThread(Runnable check) {
    Thread.currentThread().interrupt();
    try {
      check.run();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void interruptedFitWithValidationReturnsAnInterruptedResult() {
    onInterruptedThread(() -> {
      FitResult fit = InMemoryFit.fit(problem().data, base().validationFraction(0.2));
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertTrue(Thread.currentThread().isInterrupted());
    });
  }

  @Test
  void interruptedBeforeTheFirstIterateStillHasAResidual() {
    onInterruptedThread(() -> {
      FitResult fit = InMemoryFit.fit(problem().data, base());
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertEquals(1.0, fit.bestRelativeResidual(), 0.0, "the zero model's residual");
    });
  }

  @Test
  void interruptedRankChoiceReturnsAChoice() {
    onInterruptedThread(() -> {
      RankSelection.Choice choice = InMemoryFit.chooseRank(problem().data, base(), 5);
      assertTrue(choice.rank >= 1);
    });
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
      FitResult fit = InMemoryFit.fit(pp.data, s);
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertTrue(fit.trace().size() >= 1, "the returned model must be an evaluated iterate");
      assertTrue(fit.bestRelativeResidual() < 1.0, "the probe's progress must be kept");
    } finally {
      Thread.interrupted();
    }
  }
}
