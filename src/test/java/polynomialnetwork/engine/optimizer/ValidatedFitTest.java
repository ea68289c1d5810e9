package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.objective.RowSelection;
import polynomialnetwork.engine.objective.RowSplit;
import polynomialnetwork.engine.objective.SquaredLoss;
import polynomialnetwork.engine.optimizer.FitResult.StopReason;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stopping (doc/algorithms.md §8): the validation runs, their folds, the choice of the iteration count and the refit on all rows. */
class ValidatedFitTest {

  private static SolverSettings base() {
    return PlantedProblem.singleRun().rank(3).seed(2).maxIterations(60);
  }

  @Test
  void validationChoosesTheIterationCountThenRefitsOnAllRows() {
    // few, very noisy rows: the training residual keeps falling long after the fit stops
    // generalising
    PlantedProblem pp = PlantedProblem.spec().p(20).r(3).m(300).noise(2.0).seed(15).build();
    SolverSettings s = PlantedProblem.singleRun().rank(3).seed(1).maxIterations(100).tolerance(0)
        .validationFraction(0.25);
    FitResult fit = InMemoryFit.fit(pp.data, s);
    FitResult probe = fit.validationRun();
    assertTrue(probe != null && probe != fit);
    int chosen = probe.bestIteration();
    assertTrue(chosen < probe.iterations(), "validation error should turn up: " + chosen);
    for (FitResult.IterationRecord r : probe.trace()) {
      assertTrue(Double.isFinite(r.validationRmse));
    }
    assertEquals(chosen, fit.iterations());
    assertEquals(StopReason.MAX_ITERATIONS, fit.stopReason());
    // about a quarter of the rows were held out
    int held = 0;
    boolean[] mask = heldOutMasks(pp.data, s)[0];
    for (boolean b : mask) {
      held += b ? 1 : 0;
    }
    assertTrue(held > 50 && held < 100, "held out " + held + " of 300");
  }

  @Test
  void fiveValidationRunsAreTheFoldsOfAFiveFoldCrossValidation() {
    PlantedProblem pp = PlantedProblem.spec().p(20).r(3).m(300).noise(2.0).seed(15).build();
    SolverSettings s = PlantedProblem.singleRun().rank(3).seed(1).maxIterations(60).tolerance(0)
        .validationFraction(0.2).validationRuns(5);
    boolean[][] folds = heldOutMasks(pp.data, s);
    int[] times = new int[pp.data.rows()];
    for (boolean[] fold : folds) {
      int held = 0;
      for (int i = 0; i < times.length; i++) {
        times[i] += fold[i] ? 1 : 0;
        held += fold[i] ? 1 : 0;
      }
      assertTrue(held > 35 && held < 85, "fold holds out " + held + " of 300");
    }
    for (int t : times) {
      assertEquals(1, t, "every row is held out exactly once");
    }
    FitResult fit = InMemoryFit.fit(pp.data, s);
    assertEquals(5, fit.validationRuns());
    double[] curve = fit.validationCurve();
    int chosen = fit.chosenIterations();
    for (double v : curve) {
      assertTrue(v >= curve[chosen]);
    }
    assertTrue(chosen > 0 && chosen < curve.length - 1, "interior minimum: " + chosen);
    assertEquals(chosen, fit.iterations(), "the refit runs the chosen number of iterations");
    // the mean curve is the mean of the runs': the first run's own curve differs from it
    double[] first = new double[curve.length];
    for (FitResult.IterationRecord r : fit.validationRun().trace()) {
      first[r.iteration] = r.validationRmse;
    }
    assertTrue(Math.abs(first[chosen] - curve[chosen]) > 1e-6);
  }

  @Test
  void holdoutDependsOnTheRowNotItsPosition() {
    PlantedProblem pp = PlantedProblem.spec().p(6).r(2).m(500).seed(18).build();
    DesignMatrix x = pp.data;
    DesignMatrix.Builder reversed = new DesignMatrix.Builder(x.cols(), x.rows());
    for (int i = x.rows() - 1; i >= 0; i--) {
      reversed.addRow(x.row(i), x.target()[i], 1.0);
    }
    SolverSettings s = PlantedProblem.singleRun().validationFraction(0.2);
    boolean[] a = heldOutMasks(x, s)[0];
    boolean[] b = heldOutMasks(reversed.build(false), s)[0];
    for (int i = 0; i < x.rows(); i++) {
      assertEquals(a[i], b[x.rows() - 1 - i]);
    }
  }

  @Test
  void validationOnExactDataKeepsTheConvergedProbe() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(3000).seed(16).build();
    FitResult fit = InMemoryFit.fit(pp.data, PlantedProblem.singleRun().rank(3).seed(1)
        .validationFraction(0.2));
    assertTrue(fit.validationRun() == fit, "no refit needed when the held-out rows are exact");
    assertTrue(pp.relativeError(fit) < 1e-8, "" + pp.relativeError(fit));
  }

  @Test
  void validationIsSkippedOnTinyData() {
    PlantedProblem pp = PlantedProblem.spec().p(5).r(1).m(40).seed(17).build();
    FitResult fit = InMemoryFit.fit(pp.data, PlantedProblem.singleRun().rank(1).seed(1)
        .validationFraction(0.2));
    assertEquals(null, fit.validationRun());
  }

  /** Which rows each validation run holds out, in row order, by the rows' split numbers. */
  static boolean[][] heldOutMasks(DesignMatrix x, SolverSettings s) {
    ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, 1);
    final RowSelection[] folds = ValidatedFit.validationFolds(new SquaredLoss(blocks), s);
    boolean[][] masks = new boolean[folds.length][];
    for (int k = 0; k < folds.length; k++) {
      java.util.List<Boolean> held = new java.util.ArrayList<>();
      for (int b = 0; b < x.blockCount(); b++) {
        double[] u = RowSplit.numbers(x.rowBlock(b), s.seed())[0];
        for (int i = 0; i < u.length; i++) {
          held.add(folds[k].heldOut(u, i));
        }
      }
      masks[k] = new boolean[held.size()];
      for (int i = 0; i < masks[k].length; i++) {
        masks[k][i] = held.get(i);
      }
    }
    return masks;
  }
}
