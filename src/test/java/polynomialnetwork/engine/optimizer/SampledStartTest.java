package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.DelegatingRowBlocks;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.data.RowFilter;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.objective.LogLoss;
import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.optimizer.FitResult.StopReason;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The sampled start (doc/algorithms.md §3.10) on planted problems: it reads fewer rows and ends
 * in the model of the fit on all rows, grows its sample on noisy data, does not depend on the
 * layout of the rows, samples the log-loss too, keeps its best iterate when interrupted, and
 * stays off on small data and when switched off.
 */
class SampledStartTest {

  /** Rows that count what every pass goes through, their samples' passes and copies included. */
  static final class RowCounting extends DelegatingRowBlocks {
    final AtomicLong rowsRead;

    RowCounting(RowBlocks inner, AtomicLong rowsRead) {
      super(inner);
      this.rowsRead = rowsRead;
    }

    @Override
    public <A> A aggregate(BlockAggregator<A> aggregator) {
      rowsRead.addAndGet(inner.rows());
      return inner.aggregate(aggregator);
    }

    @Override
    public RowBlocks subset(RowFilter filter) {
      rowsRead.addAndGet(inner.rows());
      RowBlocks s = inner.subset(filter);
      return s == null ? null : new RowCounting(s, rowsRead);
    }
  }

  /** A fit on 2 threads and the rows it read, in passes over all rows. */
  private static double[] fitCounting(DesignMatrix data, SolverSettings s, FitResult[] out) {
    AtomicLong rows = new AtomicLong();
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(data, 2)) {
      out[0] = InMemoryFit.fit(new RowCounting(blocks, rows), s);
    }
    return new double[] {rows.get() / (double) data.rows()};
  }

  @Test
  void aNoiselessFitReadsFewerRowsAndRecoversTheSameNetwork() {
    PlantedProblem pp = PlantedProblem.spec().p(40).r(3).m(40000).seed(51).build();
    SolverSettings s = PlantedProblem.singleRun().rank(3).seed(2);
    FitResult[] sampled = new FitResult[1];
    FitResult[] full = new FitResult[1];
    double passesSampled = fitCounting(pp.data, s, sampled)[0];
    double passesFull = fitCounting(pp.data, s.sampledStart(false), full)[0];
    System.out.printf("noiseless p=40 m=40000: pass-equivalents %.1f sampled (%d iterations on"
        + " samples, %d on all rows) vs %.1f (%d); errors %.2e vs %.2e%n", passesSampled,
        sampled[0].sampledTrace().size(), sampled[0].iterations(), passesFull,
        full[0].iterations(), pp.relativeError(sampled[0]), pp.relativeError(full[0]));
    // 2 000 rows are needed, 1/16 of 40 000 is the smallest level holding them
    assertEquals(1.0 / 16, sampled[0].sampledTrace().get(0).rowFraction, 0.0);
    assertTrue(full[0].sampledTrace().isEmpty());
    assertEquals(StopReason.CONVERGED, sampled[0].stopReason());
    assertTrue(pp.relativeError(sampled[0]) < 1e-7, "" + pp.relativeError(sampled[0]));
    assertTrue(pp.relativeError(full[0]) < 1e-7, "" + pp.relativeError(full[0]));
    assertTrue(passesSampled < 0.6 * passesFull, passesSampled + " vs " + passesFull);
  }

  @Test
  void aNoisyFitGrowsItsSampleAndEndsWhereTheFullFitEnds() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(40000).noise(0.5).seed(52).build();
    SolverSettings s = PlantedProblem.singleRun().rank(3).seed(2);
    FitResult[] sampled = new FitResult[1];
    FitResult[] full = new FitResult[1];
    double passesSampled = fitCounting(pp.data, s, sampled)[0];
    double passesFull = fitCounting(pp.data, s.sampledStart(false), full)[0];
    double last = 0;
    int levels = 0;
    for (FitResult.IterationRecord r : sampled[0].sampledTrace()) {
      assertTrue(r.rowFraction >= last, "samples only grow");
      levels += r.rowFraction > last ? 1 : 0;
      last = r.rowFraction;
    }
    System.out.printf("noisy p=30 m=40000: pass-equivalents %.1f sampled (%d iterations on %d"
        + " levels, %d on all rows) vs %.1f (%d); errors of L %.4e vs %.4e%n", passesSampled,
        sampled[0].sampledTrace().size(), levels, sampled[0].iterations(), passesFull,
        full[0].iterations(), pp.relativeError(sampled[0]), pp.relativeError(full[0]));
    // the rows read are not compared: with noise both fits end by stagnation, after a crawl on
    // all rows whose length varies from seed to seed (doc/algorithms.md §3.10)
    assertTrue(levels >= 2, "the sample grew: " + levels + " levels");
    assertTrue(pp.relativeError(sampled[0]) < 1.02 * pp.relativeError(full[0]),
        pp.relativeError(sampled[0]) + " vs " + pp.relativeError(full[0]));
  }

  @Test
  void theLayoutOfTheRowsDoesNotChangeTheSampledFit() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(30000).noise(0.1).linear(true)
        .seed(53).build();
    DesignMatrix.Builder b = new DesignMatrix.Builder(30, 0, 777);
    double[] y = pp.data.target();
    for (int i = 0; i < pp.data.rows(); i++) {
      b.addRow(pp.data.row(i), y[i], 1.0);
    }
    DesignMatrix otherBlocks = b.build(true);
    SolverSettings s = SolverSettings.DEFAULTS.rank(3).seed(3);
    FitResult one = InMemoryFit.fit(pp.data, s.threads(1));
    FitResult two = InMemoryFit.fit(otherBlocks, s.threads(2));
    assertFalse(one.sampledTrace().isEmpty());
    assertEquals(one.sampledTrace().size(), two.sampledTrace().size());
    assertEquals(one.iterations(), two.iterations());
    assertEquals(one.chosenIterations(), two.chosenIterations());
    double rel = one.interaction().distance(two.interaction())
        / one.interaction().frobeniusNorm();
    // the same rows in other blocks sum in another order; this noisy validated fit carries that
    // rounding to about 1e-8 with or without samples (measured 3.1e-8 and 2.4e-8)
    assertTrue(rel < 1e-7, "layouts differ by " + rel);
  }

  @Test
  void theLogLossStartsOnSamplesToo() {
    PlantedClassification data = PlantedClassification.of(20, 2, 20000, 5000, 2, 2.0, true,
        false, 54);
    SolverSettings s = SolverSettings.DEFAULTS.rank(2).seed(4);
    double[] accuracy = new double[2];
    int[] sampledIterations = new int[2];
    for (int k = 0; k < 2; k++) {
      try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(data.train, 2)) {
        LogLoss loss = new LogLoss(blocks, data.classes, true);
        FitResult fit = InMemoryFit.fit(loss, s.sampledStart(k == 0));
        sampledIterations[k] = fit.sampledTrace().size();
        accuracy[k] = data.accuracy(polynomialnetwork.engine.ClassificationNetwork.of(
            fit.interaction(), fit.linearTerm(), fit.bias(), loss.layout()));
      }
    }
    System.out.printf("log-loss p=20 m=20000: accuracy %.4f sampled (%d iterations on samples)"
        + " vs %.4f; Bayes %.4f%n", accuracy[0], sampledIterations[0], accuracy[1],
        data.bayesAccuracy());
    assertTrue(sampledIterations[0] > 0);
    assertEquals(0, sampledIterations[1]);
    assertTrue(accuracy[0] >= accuracy[1] - 0.005, accuracy[0] + " vs " + accuracy[1]);
  }

  @Test
  void anInterruptOnASampleKeepsItsBestIterateEvaluatedOnAllRows() {
    PlantedProblem pp = PlantedProblem.spec().p(30).r(3).m(40000).seed(55).build();
    Thread self = Thread.currentThread();
    SolverSettings s = PlantedProblem.singleRun().rank(3).seed(2).listener(r -> {
      if (r.rowFraction < 1 && r.iteration == 4) {
        self.interrupt();
      }
    });
    try {
      FitResult fit = InMemoryFit.fit(pp.data, s);
      assertEquals(StopReason.INTERRUPTED, fit.stopReason());
      assertEquals(5, fit.sampledTrace().size());
      assertEquals(1, fit.trace().size());
      double rel = fit.trace().get(0).relativeResidual;
      assertTrue(rel > 0 && rel < 0.9, "the sample's progress is kept: " + rel);
      assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void smallDataAndTheSwitchRunOnAllRows() {
    PlantedProblem small = PlantedProblem.spec().p(10).r(2).m(7999).seed(56).build();
    assertTrue(InMemoryFit.fit(small.data, PlantedProblem.singleRun().rank(2))
        .sampledTrace().isEmpty(), "2 000 rows are a quarter of 8 000 at least");
    PlantedProblem large = PlantedProblem.spec().p(10).r(2).m(8000).seed(56).build();
    assertFalse(InMemoryFit.fit(large.data, PlantedProblem.singleRun().rank(2))
        .sampledTrace().isEmpty());
    assertTrue(InMemoryFit.fit(large.data, PlantedProblem.singleRun().rank(2)
        .sampledStart(false)).sampledTrace().isEmpty());
    assertTrue(InMemoryFit.fit(large.data, PlantedProblem.singleRun().rank(2)
        .freshSamplingBatches(4)).sampledTrace().isEmpty());
  }

  @Test
  void rowsRepeatedManyTimesAreNotCopiedForEveryLevel() {
    // two distinct rows, 6 000 copies each: identical rows hash alike, so a sample holds none,
    // half or all of them, never its share; such samples are not used
    DesignMatrix.Builder b = new DesignMatrix.Builder(4, 12000);
    for (int i = 0; i < 12000; i++) {
      b.addRow(i % 2 == 0 ? new double[] {1, 2, -1, 0.5} : new double[] {-0.5, 1, 2, 1},
          i % 2 == 0 ? 3.0 : -1.0, 1.0);
    }
    DesignMatrix twoRows = b.build(true);
    SolverSettings s = SolverSettings.DEFAULTS.rank(2).seed(7);
    FitResult sampled = InMemoryFit.fit(twoRows, s);
    FitResult full = InMemoryFit.fit(twoRows, s.sampledStart(false));
    assertTrue(sampled.sampledTrace().isEmpty(), "" + sampled.sampledTrace().size());
    assertEquals(full.iterations(), sampled.iterations());
    for (int i = 0; i < 2; i++) {
      assertEquals(full.network().predict(twoRows.row(i)), sampled.network().predict(twoRows.row(i)),
          0.0);
    }
  }
}
