package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.DelegatingRowBlocks;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The rows' projections onto the step search's head V, kept in the blocks' state for the next
 * evaluation (whose first Krylov product starts from V): the evaluation reads them instead of
 * projecting the rows again (doc/algorithms.md §10), and a fit is bit for bit the fit of a back
 * end that keeps nothing (as Spark's).
 */
class KeptProjectionsTest {

  /** The rows through another seam that keeps no per-row results (like the Spark back end). */
  private static class KeepsNothing extends DelegatingRowBlocks {
    final List<String> passes = new ArrayList<>();

    KeepsNothing(RowBlocks inner) {
      super(inner);
    }

    @Override
    public <A> A aggregate(BlockAggregator<A> aggregator) {
      passes.add(aggregator.getClass().getSimpleName() + (aggregator.updatesState() ? "+" : ""));
      return inner.aggregate(aggregator);
    }

    @Override
    public boolean cheapStateUpdates() {
      return false;
    }
  }

  @Test
  void fitIsTheFitOfABackEndThatKeepsNothing() {
    PlantedProblem pp = PlantedProblem.spec().p(40).r(3).m(3000).linear(true).seed(31).build();
    // projections serve the next head step's first product: head steps throughout
    SolverSettings s = PlantedProblem.singleRun().rank(3).seed(2).headSteps(0);
    FitResult kept;
    FitResult none;
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(pp.data, 2)) {
      assertTrue(blocks.cheapStateUpdates());
      KeepsNothing counting = new KeepsNothing(blocks) {
        @Override
        public boolean cheapStateUpdates() {
          return true;
        }
      };
      kept = InMemoryFit.fit(counting, s);
      long keeping = counting.passes.stream().filter("StepGram+"::equals).count();
      assertTrue(keeping >= kept.iterations() - 2,
          "the step searches kept their projections: " + counting.passes);
    }
    KeepsNothing nothing;
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(pp.data, 2)) {
      nothing = new KeepsNothing(blocks);
      none = InMemoryFit.fit(nothing, s);
    }
    assertTrue(pp.relativeError(kept) < 1e-8, "" + pp.relativeError(kept));
    assertTrue(nothing.passes.contains("StepGram"), "" + nothing.passes);
    assertTrue(!nothing.passes.contains("StepGram+"), "kept nothing: " + nothing.passes);
    assertEquals(none.iterations(), kept.iterations());
    assertArrayEquals(none.interaction().values(), kept.interaction().values(), 0.0);
    for (int a = 0; a < kept.interaction().rank(); a++) {
      assertArrayEquals(none.interaction().vectors()[a], kept.interaction().vectors()[a], 0.0);
    }
    assertArrayEquals(none.linearTerm(), kept.linearTerm(), 0.0);
    assertEquals(none.bias(), kept.bias(), 0.0);
  }

  /** Kept numbers cost r doubles per row: not kept when that exceeds an eighth of the data. */
  @Test
  void narrowDataKeepsNothing() {
    PlantedProblem pp = PlantedProblem.spec().p(20).r(3).m(2000).seed(32).build();
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(pp.data, 1)) {
      KeepsNothing counting = new KeepsNothing(blocks) {
        @Override
        public boolean cheapStateUpdates() {
          return true;
        }
      };
      FitResult fit = InMemoryFit.fit(counting, PlantedProblem.singleRun().rank(3).seed(2));
      assertTrue(fit.iterations() > 2);
      assertTrue(counting.passes.contains("StepGram"), "" + counting.passes);
      assertTrue(!counting.passes.contains("StepGram+"), "3 numbers per row kept for 20 columns");
    }
  }

  /** The evaluation uses the kept numbers when, and only when, their token is the one it is given. */
  @Test
  void evaluationReadsTheKeptProjectionsOfItsTag() {
    int p = 7;
    int n = 11; // two groups of four rows and a remainder of three
    Random rng = new Random(5);
    double[] x = new double[n * p];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        x[i * p + j] = rng.nextGaussian();
      }
      y[i] = rng.nextGaussian();
      w[i] = 1;
    }
    RowBlock block = new RowBlock(n, p, x, y, w);
    double[][] u = {gaussian(p, rng)};
    FactoredSymmetric l = new FactoredSymmetric(p, u, new double[] {0.7});
    double[][] pi = {gaussian(p, rng), gaussian(p, rng)};
    double[][] kept = new double[pi.length][n];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < pi.length; a++) {
        double t = 0;
        for (int j = 0; j < p; j++) {
          t += x[i * p + j] * pi[a][j];
        }
        kept[a][i] = a == 0 ? t : 0; // Π's second column deliberately "kept" as 0
      }
    }
    Object search = new Object();
    double[][] computed = product(block, l, pi, kept, search, null);
    double[][] read = product(block, l, pi, kept, search, search);
    double[][] otherTag = product(block, l, pi, kept, search, new Object());
    assertArrayEquals(computed[0], read[0], 1e-12 * norm(computed[0]));
    assertArrayEquals(new double[p], read[1], 0.0, "the kept zeros were read");
    assertTrue(norm(computed[1]) > 0);
    assertArrayEquals(computed[1], otherTag[1], 0.0, "another search's projections are not used");
  }

  /** Σ (w d / 2W) x (xᵀΠ) of one evaluation of {@code block}, its state holding {@code kept}. */
  private static double[][] product(RowBlock block, FactoredSymmetric l, double[][] pi,
      double[][] kept, Object stateToken, Object passToken) {
    BlockState state = new BlockState();
    SquaredLossRows rows = SquaredLossRows.forUpdate(state);
    rows.projections = kept;
    rows.projectionsToken = stateToken;
    ResidualPass pass = new ResidualPass(l, null, 0.1, RowSelection.ALL, true, pi, 0.5, passToken);
    return pass.add(pass.zero(), block, state).out;
  }

  private static double[] gaussian(int p, Random rng) {
    double[] v = new double[p];
    for (int j = 0; j < p; j++) {
      v[j] = rng.nextGaussian();
    }
    return v;
  }

  private static double norm(double[] v) {
    return Math.sqrt(Linalg.dot(v, v));
  }
}
