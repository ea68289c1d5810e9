package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.optimizer.SolverSettings.Method;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The MBK-SVD path allocates nothing p×p: at p = 20 000 a p×p double array needs 3.2 GB, more
 * than this test JVM's heap (surefire runs it with -Xmx2g), yet AP-ROM-MBK runs and improves.
 */
class MatrixFreeMemoryTest {

  @Test
  void apRomMbkRunsWhereAPByPArrayCannotExist() {
    int p = 20_000;
    long pByP = 8L * p * p;
    long heap = Runtime.getRuntime().maxMemory();
    assertTrue(heap < pByP, "heap " + heap + " could hold a p×p array; the test proves nothing");
    PlantedProblem pp = PlantedProblem.spec().p(p).r(2).m(1500).seed(1).build();
    FitResult fit = InMemoryFit.fit(pp.data, PlantedProblem.singleRun()
        .method(Method.AP_ROM_MBK).rank(2).maxIterations(2).tolerance(0).seed(1));
    assertTrue(fit.bestRelativeResidual() < 0.9, "residual " + fit.bestRelativeResidual());
    assertTrue(Double.isFinite(fit.network().alpha(0)));
  }
}
