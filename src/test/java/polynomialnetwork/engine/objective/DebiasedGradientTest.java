package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The debiased gradient's O(m) quantities against the explicit matrix (algorithms.md §2, §5). */
class DebiasedGradientTest {

  @Test
  void traceInLinearTimeEqualsTheExplicitTrace() {
    PlantedProblem pp = PlantedProblem.spec().p(60).r(4).m(3000).noise(0.2).seed(1).build();
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(pp.data, 1)) {
      DebiasedGradient g = (DebiasedGradient) new SquaredLoss(blocks).evaluate(
          FactoredSymmetric.zero(60), null, 0, RowSelection.ALL, null).gradient;
      DenseSymmetricMatrix dense = g.formExplicit();
      assertEquals(dense.trace(), g.trace(), 1e-12 * Math.abs(dense.trace()));
    }
  }
}
