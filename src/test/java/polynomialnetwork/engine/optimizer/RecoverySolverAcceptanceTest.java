package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.optimizer.FitResult.StopReason;
import polynomialnetwork.engine.optimizer.SolverSettings.Method;
import polynomialnetwork.engine.optimizer.SolverSettings.StepRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The acceptance criteria on one seed each (the 10-seed sweeps are
 * {@code scripts/acceptance-sweep.sh}). Planted problems of doc/algorithms.md §11: p = 100, r = 5,
 * orthonormal w_j, α_j = ±1, x ~ N(0, I).
 */
class RecoverySolverAcceptanceTest {

  private static SolverSettings settings(Method method, StepRule rule) {
    return PlantedProblem.singleRun().method(method).stepRule(rule).rank(5).maxIterations(100)
        .tolerance(1e-12).seed(7).fitLinear(false);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void noiselessRecoveryToMachinePrecisionWithUnitStep(Method method) {
    PlantedProblem pp = PlantedProblem.spec().m(8000).seed(3).build();
    FitResult fit = InMemoryFit.fit(pp.data, settings(method, StepRule.UNIT));
    double err = pp.relativeError(fit);
    assertTrue(err < 1e-8, method + ": relative error " + err);
    assertTrue(fit.iterations() <= 100, method + ": " + fit.iterations() + " iterations");
    assertEquals(StopReason.CONVERGED, fit.stopReason());
    // the reference protocol needs ~44-60 iterations to 1e-9 at m = 8000 (doc/algorithms.md §11 (B))
    assertTrue(fit.iterations() >= 20, "suspiciously few iterations: " + fit.iterations());
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void noiselessRecoveryWithDefaultStepRule(Method method) {
    PlantedProblem pp = PlantedProblem.spec().m(8000).seed(4).build();
    FitResult fit = InMemoryFit.fit(pp.data,
        settings(method, PlantedProblem.singleRun().stepRule()));
    assertTrue(pp.relativeError(fit) < 1e-8, method + ": " + pp.relativeError(fit));
    assertTrue(fit.iterations() <= 100);
  }

  @Test
  void lineSearchRecoversAtSixPrSamplesWhereUnitStepDiverges() {
    PlantedProblem pp = PlantedProblem.spec().m(3000).seed(5).build();
    FitResult unit = InMemoryFit.fit(pp.data, settings(Method.AP_ROM_MBK, StepRule.UNIT));
    assertEquals(StopReason.DIVERGED, unit.stopReason());
    double unitErr = pp.relativeError(unit);
    assertTrue(Double.isFinite(unitErr), "returned iterate must be finite");
    for (double a : unit.network().hiddenWeights(0)) {
      assertTrue(Double.isFinite(a));
    }
    // the best iterate is returned, not the last (diverged) one
    assertTrue(unit.bestIteration() < unit.iterations());
    double last = unit.trace().get(unit.trace().size() - 1).relativeResidual;
    assertTrue(unit.bestRelativeResidual() < last);
    assertTrue(unitErr < 1.0, "best iterate no worse than L = 0: " + unitErr);

    FitResult safe = InMemoryFit.fit(pp.data,
        settings(Method.AP_ROM_MBK, StepRule.SAFEGUARDED));
    assertTrue(pp.relativeError(safe) < 1e-3, "safeguarded: " + pp.relativeError(safe));
  }

  @Test
  void noisyErrorMatchesReferenceAndShrinksWithSamples() {
    double e8 = noisyError(8000);
    double e16 = noisyError(16000);
    assertTrue(e8 > 0.5e-2 && e8 < 2e-2, "σ = 0.1, m = 8000: " + e8 + " (reference 1.1e-2)");
    double ratio = e16 / e8;
    // 1/√2 = 0.707 expected; the reference table has 0.66
    assertTrue(ratio > 0.5 && ratio < 0.85, "error ratio m 16000/8000: " + ratio);
  }

  private static double noisyError(int m) {
    PlantedProblem pp = PlantedProblem.spec().m(m).noise(0.1).seed(11).build();
    FitResult fit = InMemoryFit.fit(pp.data,
        settings(Method.AP_ROM_MBK, PlantedProblem.singleRun().stepRule()));
    assertTrue(fit.stopReason() == StopReason.STAGNATED
        || fit.stopReason() == StopReason.MAX_ITERATIONS, fit.stopReason().toString());
    return pp.relativeError(fit);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void generalQuadraticRecoversLinearTermAndBias(Method method) {
    PlantedProblem pp = PlantedProblem.spec().m(8000).linear(true).seed(6).build();
    FitResult fit = InMemoryFit.fit(pp.data,
        settings(method, PlantedProblem.singleRun().stepRule()).fitLinear(true).maxIterations(150));
    assertTrue(pp.relativeError(fit) < 1e-8, "L: " + pp.relativeError(fit));
    double[] b = fit.linearTerm();
    double num = 0;
    double den = 0;
    for (int j = 0; j < b.length; j++) {
      num += (b[j] - pp.beta[j]) * (b[j] - pp.beta[j]);
      den += pp.beta[j] * pp.beta[j];
    }
    assertTrue(Math.sqrt(num / den) < 1e-8, "β: " + Math.sqrt(num / den));
    assertTrue(Math.abs(fit.bias() - pp.bias) / Math.abs(pp.bias) < 1e-8,
        "c: " + fit.bias() + " vs " + pp.bias);
  }

  @Test
  void illConditionedNetworkConverges() {
    PlantedProblem pp = PlantedProblem.spec().m(32000).kappa(100).seed(8).build();
    FitResult fit = InMemoryFit.fit(pp.data,
        settings(Method.AP_ROM_MBK, PlantedProblem.singleRun().stepRule()).maxIterations(200));
    assertTrue(pp.relativeError(fit) < 1e-6, "κ = 100: " + pp.relativeError(fit));
  }

  @Test
  void freshSamplingUsesDisjointBatchesAndStillRecovers() {
    PlantedProblem pp = PlantedProblem.spec().m(16000).seed(9).build();
    FitResult fit = InMemoryFit.fit(pp.data,
        settings(Method.AP_ROM_MBK, StepRule.UNIT).freshSamplingBatches(2).maxIterations(150));
    assertTrue(pp.relativeError(fit) < 1e-8, "fresh sampling: " + pp.relativeError(fit));
  }
}
