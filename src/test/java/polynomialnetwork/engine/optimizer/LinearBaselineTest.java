package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.DesignMatrix;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Never worse than linear (doc/algorithms.md §4.6): the fit against the best linear model. */
class LinearBaselineTest {

  private static SolverSettings base() {
    return PlantedProblem.singleRun().rank(3).seed(2).maxIterations(60);
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
    FitResult fit = InMemoryFit.fit(data, PlantedProblem.singleRun().rank(3).seed(1)
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
    assertTrue(!InMemoryFit.fit(pp.data, PlantedProblem.singleRun().rank(2).seed(1))
        .linearFallback());
  }
}
