package polynomialnetwork.engine.seam;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The seam between problem and optimizer: a loss written in the test sources
 * ({@link RowScaledSquaredLoss}, the squared loss with a per-row scale s) runs through the
 * unchanged optimizer, and its fits are those of the library's squared loss on weights w·s.
 */
class ObjectiveSeamTest {

  /** The planted rows with each weight multiplied by the row's scale s. */
  private static DesignMatrix scaledWeights(DesignMatrix x) {
    double[][] rows = new double[x.rows()][];
    double[] w = new double[x.rows()];
    for (int i = 0; i < x.rows(); i++) {
      rows[i] = x.row(i);
      w[i] = x.weight(i) * RowScaledSquaredLoss.scale(rows[i], 0);
    }
    return DesignMatrix.fromRows(rows, x.target(), w);
  }

  private static FitResult[] bothFits(PlantedProblem pp, SolverSettings s) {
    FitResult seam;
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(pp.data, 2)) {
      seam = InMemoryFit.fit(new RowScaledSquaredLoss(blocks), s);
    }
    FitResult library = InMemoryFit.fit(scaledWeights(pp.data), s);
    return new FitResult[] {seam, library};
  }

  @Test
  void testLossRecoversThePlantedNetworkAsTheSquaredLossDoes() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(4000).linear(true).seed(41).build();
    for (SolverSettings.Method method : SolverSettings.Method.values()) {
      SolverSettings s = PlantedProblem.singleRun().method(method).rank(3).seed(3);
      FitResult[] f = bothFits(pp, s);
      assertTrue(pp.relativeError(f[0]) < 1e-7, method + ": " + pp.relativeError(f[0]));
      assertTrue(pp.relativeError(f[1]) < 1e-7, method + ": " + pp.relativeError(f[1]));
      assertEquals(f[1].stopReason(), f[0].stopReason(), method.toString());
      assertTrue(Math.abs(f[0].iterations() - f[1].iterations()) <= 1,
          method + ": " + f[0].iterations() + " vs " + f[1].iterations() + " iterations");
    }
  }

  @Test
  void validationRunsEarlyStoppingAndRidgeGoThroughTheSeam() {
    PlantedProblem pp = PlantedProblem.spec().p(15).r(2).m(1500).noise(0.5).linear(true)
        .seed(42).build();
    for (double ridge : new double[] {0, 0.05}) {
      // a budget of 12 updates: past it the noisy held-out curve is flat to 1e-4, where rounding
      // may move its minimum
      SolverSettings s = SolverSettings.DEFAULTS.rank(2).ridge(ridge).threads(2).seed(4)
          .maxIterations(12);
      FitResult[] f = bothFits(pp, s);
      assertEquals(5, f[0].validationRuns());
      assertEquals(f[1].chosenIterations(), f[0].chosenIterations(), "ridge " + ridge);
      double[] curve0 = f[0].validationCurve();
      double[] curve1 = f[1].validationCurve();
      for (int t = 0; t < Math.min(curve0.length, curve1.length); t++) {
        assertEquals(curve1[t], curve0[t], 1e-9 * curve1[t], "validation curve at " + t);
      }
      assertEquals(f[1].bias(), f[0].bias(), 1e-9);
      assertTrue(f[0].interaction().distance(f[1].interaction())
          < 1e-8 * f[1].interaction().frobeniusNorm(), "ridge " + ridge);
    }
  }

  /**
   * The path a loss without closed forms takes (a logistic loss): its plain gradient (no
   * debiasing) and a majorizer for the step model (here the exact one with its directions' block
   * inflated by 1.5). The unchanged optimizer still recovers the planted network, and no
   * iteration's training objective rises above the best before it by more than the divergence
   * factor allows.
   */
  @Test
  void plainGradientAndMajorizedStepModelGoThroughTheSeam() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(4000).linear(true).seed(43).build();
    for (SolverSettings.Method method : new SolverSettings.Method[] {
        SolverSettings.Method.AP_ROM_MBK, SolverSettings.Method.EP_ROM}) {
      SolverSettings s = PlantedProblem.singleRun().method(method).rank(3).seed(5)
          .maxIterations(300);
      FitResult fit;
      try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(pp.data, 2)) {
        fit = InMemoryFit.fit(new RowScaledSquaredLoss(blocks, true, 1.5), s);
      }
      assertTrue(pp.relativeError(fit) < 1e-6,
          method + ": " + pp.relativeError(fit) + " after " + fit.iterations() + " iterations, "
          + fit.stopReason());
    }
  }
}
