package polynomialnetwork.engine;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import polynomialnetwork.engine.FitResult.StopReason;
import polynomialnetwork.engine.SolverSettings.Method;

/** Stopping rules, determinism, threads, weights and settings validation. */
class SolverBehaviourTest {

  private static SolverSettings base() {
    return PlantedProblem.singleRun().rank(3).seed(2).maxIterations(60);
  }

  @Test
  void zeroTargetGivesZeroModel() {
    PlantedProblem pp = PlantedProblem.spec().p(10).r(2).m(200).seed(1).build();
    DesignMatrix zero = pp.data.withTarget(new double[200]);
    FitResult fit = RecoverySolver.fit(zero, base());
    assertEquals(StopReason.ZERO_TARGET, fit.stopReason());
    assertEquals(0, fit.network().predict(pp.data.row(0)), 0.0);
  }

  @Test
  void sameSeedGivesBitIdenticalModel() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(2000).noise(0.1).seed(3).build();
    FitResult a = RecoverySolver.fit(pp.data, base());
    FitResult b = RecoverySolver.fit(pp.data, base());
    assertArrayEquals(a.interaction().values(), b.interaction().values(), 0.0);
    for (int j = 0; j < a.interaction().rank(); j++) {
      assertArrayEquals(a.interaction().vectors()[j], b.interaction().vectors()[j], 0.0);
    }
    assertEquals(a.iterations(), b.iterations());
  }

  @Test
  void twoThreadsAgreeWithOneToRounding() {
    PlantedProblem pp = PlantedProblem.spec().p(40).r(3).m(5000).linear(true).seed(4).build();
    for (Method method : Method.values()) {
      SolverSettings s = base().method(method).maxIterations(15).tolerance(0);
      FitResult one = RecoverySolver.fit(pp.data, s.threads(1));
      FitResult two = RecoverySolver.fit(pp.data, s.threads(2));
      double rel = one.interaction().distance(two.interaction())
          / one.interaction().frobeniusNorm();
      assertTrue(rel < 1e-10, method + ": threads 1 vs 2 differ by " + rel);
    }
  }

  @Test
  void stagnationStopsNoisyFitsBeforeTheBudget() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(3000).noise(0.5).seed(5).build();
    FitResult fit = RecoverySolver.fit(pp.data, base().maxIterations(500));
    assertEquals(StopReason.STAGNATED, fit.stopReason());
    assertTrue(fit.iterations() < 500);
  }

  @Test
  void traceHasOneRecordPerStateAndListenerSeesThem() {
    PlantedProblem pp = PlantedProblem.spec().p(20).r(2).m(1000).seed(6).build();
    List<Integer> seen = new ArrayList<>();
    FitResult fit = RecoverySolver.fit(pp.data,
        base().rank(2).maxIterations(5).tolerance(0).listener(r -> seen.add(r.iteration)));
    assertEquals(StopReason.MAX_ITERATIONS, fit.stopReason());
    assertEquals(5, fit.iterations());
    assertEquals(6, fit.trace().size());
    assertEquals(6, seen.size());
    assertEquals(1.0, fit.trace().get(0).relativeResidual, 1e-15);
  }

  @Test
  void integerWeightsEqualDuplicatedRows() {
    PlantedProblem pp = PlantedProblem.spec().p(15).r(2).m(600).noise(0.3).seed(7).build();
    DesignMatrix x = pp.data;
    DesignMatrix.Builder dup = new DesignMatrix.Builder(x.cols(), 2 * x.rows());
    DesignMatrix.Builder wtd = new DesignMatrix.Builder(x.cols(), x.rows());
    for (int i = 0; i < x.rows(); i++) {
      int copies = i % 3 == 0 ? 2 : 1;
      for (int c = 0; c < copies; c++) {
        dup.addRow(x.row(i), x.target()[i], 1.0);
      }
      wtd.addRow(x.row(i), x.target()[i], copies);
    }
    SolverSettings s = base().rank(2).maxIterations(10).tolerance(0)
        .stepRule(SolverSettings.StepRule.LINE_SEARCH);
    FitResult a = RecoverySolver.fit(dup.build(false), s);
    FitResult b = RecoverySolver.fit(wtd.build(true), s);
    double rel = a.interaction().distance(b.interaction()) / a.interaction().frobeniusNorm();
    assertTrue(rel < 1e-9, "weights vs duplicates: " + rel);
  }

  @Test
  void rankAboveDimensionIsCapped() {
    PlantedProblem pp = PlantedProblem.spec().p(4).r(2).m(500).seed(8).build();
    FitResult fit = RecoverySolver.fit(pp.data, base().rank(10));
    assertTrue(fit.network().hiddenUnits() <= 4);
    assertTrue(pp.relativeError(fit) < 1e-8, "" + pp.relativeError(fit));
  }

  @Test
  void invalidSettingsAreRejectedWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PlantedProblem.singleRun().rank(-1));
    assertTrue(e.getMessage().contains("hidden units"));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().tolerance(-1));
    assertThrows(IllegalArgumentException.class,
        () -> PlantedProblem.singleRun().tolerance(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().maxIterations(-1));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().blockSize(-2));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().krylovDepth(-2));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().threads(-1));
  }

  @Test
  void interruptedThreadReturnsBestIterateAndKeepsFlag() {
    PlantedProblem pp = PlantedProblem.spec().p(20).r(2).m(1000).seed(9).build();
    Thread.currentThread().interrupt();
    try {
      FitResult fit = RecoverySolver.fit(pp.data, base());
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  private static long productColumns(FitResult fit) {
    long n = 0;
    for (FitResult.IterationRecord r : fit.trace()) {
      n += r.productColumns;
    }
    return n;
  }

  @Test
  void momentumNeedsFewerIterationsThanTheUnitStep() {
    PlantedProblem pp = PlantedProblem.spec().m(8000).seed(12).build();
    SolverSettings s = PlantedProblem.singleRun().rank(5).tolerance(1e-12).seed(1).fitLinear(false);
    FitResult unit = RecoverySolver.fit(pp.data, s.stepRule(SolverSettings.StepRule.UNIT));
    FitResult mom = RecoverySolver.fit(pp.data, s.stepRule(SolverSettings.StepRule.SEARCH));
    assertTrue(pp.relativeError(mom) < 1e-8);
    // measured over 5 seeds: 45 against 63 median iterations
    assertTrue(mom.iterations() < 0.85 * unit.iterations(),
        mom.iterations() + " vs " + unit.iterations());
  }

  @Test
  void warmStartedShallowHeadSavesProductsAndStillRecovers() {
    PlantedProblem pp = PlantedProblem.spec().m(8000).seed(13).build();
    SolverSettings s = PlantedProblem.singleRun().rank(5).tolerance(1e-12).seed(1).fitLinear(false);
    FitResult cold = RecoverySolver.fit(pp.data, s.warmStart(false));
    FitResult warm = RecoverySolver.fit(pp.data, s.warmStart(true).warmDepth(3));
    assertTrue(pp.relativeError(warm) < 1e-8, "" + pp.relativeError(warm));
    assertTrue(productColumns(warm) < 0.9 * productColumns(cold),
        productColumns(warm) + " vs " + productColumns(cold));
  }

  @Test
  void coreRefitKeepsExactRecoveryWithLinearTerm() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(3000).linear(true).seed(14).build();
    FitResult fit = RecoverySolver.fit(pp.data, PlantedProblem.singleRun().rank(3).tolerance(1e-12)
        .seed(1).refitCore(true).maxIterations(200));
    assertTrue(pp.relativeError(fit) < 1e-8, "" + pp.relativeError(fit));
    assertEquals(pp.bias, fit.bias(), 1e-8 * Math.abs(pp.bias));
  }

  @Test
  void validationChoosesTheIterationCountThenRefitsOnAllRows() {
    // few, very noisy rows: the training residual keeps falling long after the fit stops
    // generalising
    PlantedProblem pp = PlantedProblem.spec().p(20).r(3).m(300).noise(2.0).seed(15).build();
    SolverSettings s = PlantedProblem.singleRun().rank(3).seed(1).maxIterations(100).tolerance(0)
        .validationFraction(0.25);
    FitResult fit = RecoverySolver.fit(pp.data, s);
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
    FitResult fit = RecoverySolver.fit(pp.data, s);
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
  void neverWorseOnTheTrainingRowsThanTheBestLinearModel() {
    // a purely linear target with noise; one iteration leaves the network short of the
    // least-squares line, so the linear model must be returned
    Random rng = new Random(21);
    int p = 8;
    DesignMatrix.Builder b = new DesignMatrix.Builder(p, 500);
    for (int i = 0; i < 500; i++) {
      double[] x = new double[p];
      double y = 0.3;
      for (int j = 0; j < p; j++) {
        x[j] = rng.nextGaussian() * (j + 1);
        y += (j % 3 - 1) * x[j];
      }
      b.addRow(x, y + rng.nextGaussian(), 1.0);
    }
    DesignMatrix data = b.build(false);
    FitResult fit = RecoverySolver.fit(data, PlantedProblem.singleRun().rank(3).seed(1)
        .maxIterations(1));
    assertTrue(fit.linearFallback());
    assertEquals(0.0, fit.interaction().frobeniusNorm(), 0.0);
    // it is the least-squares line: the gradient Xᵀd vanishes
    double[] beta = fit.linearTerm();
    double[] grad = new double[p + 1];
    double dd = 0;
    double yy = 0;
    for (int i = 0; i < data.rows(); i++) {
      double[] x = data.row(i);
      double d = fit.bias() - data.target()[i];
      for (int j = 0; j < p; j++) {
        d += beta[j] * x[j];
      }
      dd += d * d;
      yy += data.target()[i] * data.target()[i];
      for (int j = 0; j < p; j++) {
        grad[j] += d * x[j];
      }
      grad[p] += d;
    }
    for (double g : grad) {
      assertEquals(0.0, g / data.rows(), 1e-8);
    }
    assertEquals(Math.sqrt(dd / yy), fit.bestRelativeResidual(), 1e-12,
        "the reported residual is the linear model's");
    // a real quadratic network is kept
    PlantedProblem pp = PlantedProblem.spec().p(10).r(2).m(1000).linear(true).seed(22).build();
    assertTrue(!RecoverySolver.fit(pp.data, PlantedProblem.singleRun().rank(2).seed(1))
        .linearFallback());
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
    FitResult fit = RecoverySolver.fit(pp.data, PlantedProblem.singleRun().rank(3).seed(1)
        .validationFraction(0.2));
    assertTrue(fit.validationRun() == fit, "no refit needed when the held-out rows are exact");
    assertTrue(pp.relativeError(fit) < 1e-8, "" + pp.relativeError(fit));
  }

  @Test
  void validationIsSkippedOnTinyData() {
    PlantedProblem pp = PlantedProblem.spec().p(5).r(1).m(40).seed(17).build();
    FitResult fit = RecoverySolver.fit(pp.data, PlantedProblem.singleRun().rank(1).seed(1)
        .validationFraction(0.2));
    assertEquals(null, fit.validationRun());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3, 5})
  void automaticRankFindsThePlantedRank(int r) {
    PlantedProblem pp = PlantedProblem.spec().p(20).r(r).m(2000).noise(0.1).linear(true)
        .seed(19).build();
    RankSelection.Choice choice = RankSelection.choose(pp.data,
        PlantedProblem.singleRun().seed(1), 10);
    assertEquals(r, choice.rank, java.util.Arrays.toString(choice.validationRmse));
    // a rank below the truth leaves a whole unit unexplained
    if (r > 1) {
      assertTrue(choice.validationRmse[r - 2] > 2 * choice.validationRmse[r - 1]);
    }
  }

  /** The p x p solvers refuse, with the way out, when their matrices alone exceed the heap. */
  @Test
  void denseSolversRefuseAMatrixLargerThanTheHeap() {
    long heap = 1L << 30;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecoverySolver.requireMemoryForDenseSolver(20002, Method.EP_ROM, heap));
    assertTrue(e.getMessage().contains("EP-ROM") && e.getMessage().contains("p = 20002")
        && e.getMessage().contains("AP-ROM-MBK"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RecoverySolver.requireMemoryForDenseSolver(12000, Method.AP_ROM_BK, heap));
    // 8 * 11000^2 = 0.97 GB fits one matrix in 1 GiB; EP-ROM's three do not
    RecoverySolver.requireMemoryForDenseSolver(11000, Method.AP_ROM_BK, heap);
    assertThrows(IllegalArgumentException.class,
        () -> RecoverySolver.requireMemoryForDenseSolver(11000, Method.EP_ROM, heap));
    // the matrix-free solver never forms one
    RecoverySolver.requireMemoryForDenseSolver(1_000_000, Method.AP_ROM_MBK, heap);
    // the automatic choice of r checks too (p = 40 000: 38 GB for EP-ROM, beyond any heap here)
    double[][] rows = new double[3][40_000];
    for (int i = 0; i < 3; i++) {
      rows[i][i] = 1;
    }
    DesignMatrix wide = DesignMatrix.fromRows(rows, new double[] {1, 2, 3}, null);
    assertThrows(IllegalArgumentException.class, () -> RankSelection.choose(wide,
        PlantedProblem.singleRun().method(Method.EP_ROM), 3));
  }

  /** Which rows each validation run holds out, in row order (one thread: blocks in order). */
  static boolean[][] heldOutMasks(DesignMatrix x, SolverSettings s) {
    ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, 1);
    final RowSelection[] folds = EarlyStopping.validationFolds(blocks, s);
    boolean[][] masks = new boolean[folds.length][];
    for (int k = 0; k < folds.length; k++) {
      final RowSelection fold = folds[k];
      java.util.List<Boolean> held = blocks.aggregate(
          new BlockAggregator<java.util.List<Boolean>>() {
            @Override
            public java.util.List<Boolean> zero() {
              return new java.util.ArrayList<>();
            }

            @Override
            public java.util.List<Boolean> add(java.util.List<Boolean> acc, RowBlock block,
                RowState state) {
              for (int i = 0; i < block.rows(); i++) {
                acc.add(fold.heldOut(state, i));
              }
              return acc;
            }

            @Override
            public java.util.List<Boolean> merge(java.util.List<Boolean> acc,
                java.util.List<Boolean> other) {
              acc.addAll(other);
              return acc;
            }
          });
      masks[k] = new boolean[held.size()];
      for (int i = 0; i < masks[k].length; i++) {
        masks[k][i] = held.get(i);
      }
    }
    return masks;
  }
}
