package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.InMemoryFit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import polynomialnetwork.engine.ClassificationNetwork;
import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import java.util.Random;

/** The log-loss through the unchanged optimizer, on planted data (doc/algorithms.md §13). */
class LogLossTest {

  static final class Outcome {
    final FitResult fit;
    final ClassificationNetwork net;
    final double accuracy;
    final double bayes;
    final double[] error;

    Outcome(FitResult fit, ClassificationNetwork net, PlantedClassification data) {
      this.fit = fit;
      this.net = net;
      this.accuracy = data.accuracy(net);
      this.bayes = data.bayesAccuracy();
      this.error = data.relativeError(net);
    }

    @Override
    public String toString() {
      return String.format("accuracy %.4f bayes %.4f relErr %.3f scaleFree %.3f iters %d %s",
          accuracy, bayes, error[0], error[1], fit.iterations(), fit.stopReason());
    }
  }

  static Outcome fit(PlantedClassification data, SolverSettings settings) {
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(data.train, 2)) {
      LogLoss loss = new LogLoss(blocks, data.classes, settings.fitLinear());
      FitResult fit = InMemoryFit.fit(loss, settings.headSpansIterate(true));
      ClassificationNetwork net = ClassificationNetwork.of(fit.interaction(), fit.linearTerm(),
          fit.bias(), loss.layout());
      return new Outcome(fit, net, data);
    }
  }

  @Test
  void binaryPlantedNearBayes() {
    PlantedClassification data = PlantedClassification.of(30, 3, 20000, 5000, 2, 2.0, true,
        false, 1);
    Outcome o = fit(data, SolverSettings.DEFAULTS);
    System.out.println("binary " + o);
    assertTrue(o.accuracy >= o.bayes - 0.015, o.toString());
  }

  @Test
  void threeClassesPlanted() {
    PlantedClassification data = PlantedClassification.of(20, 2, 20000, 5000, 3, 2.0, true,
        false, 2);
    Outcome o = fit(data, SolverSettings.DEFAULTS.rank(6));
    System.out.println("three " + o);
    assertTrue(o.accuracy >= o.bayes - 0.03, o.toString());
  }

  /** A random point of the lifted problem: L of rank 2, β, c. */
  private static Object[] randomPoint(LogLoss loss, long seed) {
    Random rng = new Random(seed);
    int d = loss.dimension();
    double[][] u = new double[2][d];
    for (double[] col : u) {
      for (int j = 0; j < d; j++) {
        col[j] = rng.nextGaussian() / Math.sqrt(d);
      }
    }
    double[] beta = new double[loss.linearDimension()];
    for (int j = 0; j < beta.length; j++) {
      beta[j] = 0.3 * rng.nextGaussian();
    }
    FactoredSymmetric l = new FactoredSymmetric(d, Linalg.orthonormalize(u, new double[0][], 1e-12),
        new double[] {0.8, -0.5});
    return new Object[] {l, beta, 0.2};
  }

  /**
   * The gradient against central differences of F: ⟨∇_L F, vvᵀ⟩ = 4W vᵀGv, ∂F/∂β = 2W·(the
   * β-direction), ∂F/∂c = 2W·(the plain c-gradient).
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void gradientMatchesFiniteDifferences(int classes) {
    PlantedClassification data = PlantedClassification.of(5, 2, 400, 1, classes, 2.0, true,
        false, 21);
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(data.train, 2)) {
      LogLoss loss = new LogLoss(blocks, classes, true);
      Object[] x = randomPoint(loss, 3);
      FactoredSymmetric l = (FactoredSymmetric) x[0];
      double[] beta = (double[]) x[1];
      double c = (double) x[2];
      LossEvaluation ev = loss.evaluate(l, beta, c, RowSelection.ALL, null);
      double w = ev.gradient.batchWeight();
      double[] v = new double[loss.dimension()];
      Random rng = new Random(5);
      for (int j = 0; j < v.length; j++) {
        v[j] = rng.nextGaussian();
      }
      double h = 1e-5;
      double up = loss.loss(sum(l, v, h), beta, c, RowSelection.ALL);
      double down = loss.loss(sum(l, v, -h), beta, c, RowSelection.ALL);
      double gv = Linalg.dot(v, ev.gradient.apply(new double[][] {v})[0]);
      assertEquals((up - down) / (2 * h), 4 * w * gv, 1e-6 * Math.abs(up));
      double[] dir = ev.gradient.linearDirection();
      for (int j = 0; j < beta.length; j += 3) {
        double[] bp = beta.clone();
        double[] bm = beta.clone();
        bp[j] += h;
        bm[j] -= h;
        double fd = (loss.loss(l, bp, c, RowSelection.ALL) - loss.loss(l, bm, c, RowSelection.ALL))
            / (2 * h);
        assertEquals(fd, 2 * w * dir[j], 1e-6 * Math.abs(up), "beta " + j);
      }
      double fdc = (loss.loss(l, beta, c + h, RowSelection.ALL)
          - loss.loss(l, beta, c - h, RowSelection.ALL)) / (2 * h);
      assertEquals(fdc, 2 * w * ev.gradient.plainConstantGradient(), 1e-6 * Math.abs(up));
    }
  }

  private static FactoredSymmetric sum(FactoredSymmetric l, double[] v, double t) {
    double n = Linalg.norm(v);
    double[] unit = v.clone();
    for (int j = 0; j < unit.length; j++) {
      unit[j] /= n;
    }
    return polynomialnetwork.engine.linalg.ExactTail.truncateSum(l.dimension(), l.rank() + 1,
        new double[][][] {l.vectors(), {unit}}, new double[][] {l.values(), {t * n * n}});
  }

  /** The step the model gives (its minimiser over head and linear direction) decreases F. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void theStepModelsMinimiserDecreasesTheLoss(int classes) {
    PlantedClassification data = PlantedClassification.of(5, 2, 400, 1, classes, 2.0, true,
        false, 22);
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(data.train, 2)) {
      LogLoss loss = new LogLoss(blocks, classes, true);
      Object[] x = randomPoint(loss, 4);
      FactoredSymmetric l = (FactoredSymmetric) x[0];
      double[] beta = (double[]) x[1];
      double c = (double) x[2];
      LossEvaluation ev = loss.evaluate(l, beta, c, RowSelection.ALL, null);
      FactoredSymmetric head = ((FactoredSymmetric) randomPoint(loss, 6)[0]);
      double[] dBeta = ev.gradient.linearDirection();
      double dC = ev.gradient.constantDirection();
      double[][] m = loss.stepModel(new UpdateDirection(head, null, dBeta, dC, false),
          RowSelection.ALL);
      int h = StepModel.HEAD;
      int b = StepModel.LINEAR;
      int cc = StepModel.CURRENT;
      double det = m[h][h] * m[b][b] - m[h][b] * m[h][b];
      double etaH = (m[h][cc] * m[b][b] - m[b][cc] * m[h][b]) / det;
      double etaB = (m[b][cc] * m[h][h] - m[h][cc] * m[h][b]) / det;
      FactoredSymmetric moved = polynomialnetwork.engine.linalg.ExactTail.truncateSum(
          l.dimension(), l.rank() + head.rank(), new double[][][] {l.vectors(), head.vectors()},
          new double[][] {l.values(), scaled(head.values(), -etaH)});
      double[] nextBeta = beta.clone();
      Linalg.axpy(-etaB, dBeta, nextBeta);
      double before = ev.fittedLoss;
      double after = loss.loss(moved, nextBeta, c - etaB * dC, RowSelection.ALL);
      assertEquals(before, m[cc][cc], 1e-9 * before);
      assertTrue(after < before, "F " + before + " -> " + after);
    }
  }

  private static double[] scaled(double[] v, double f) {
    double[] out = v.clone();
    for (int j = 0; j < out.length; j++) {
      out[j] *= f;
    }
    return out;
  }

  /** Separable data: the fit ends with finite scores and valid probabilities. */
  @Test
  void separableDataKeepsTheScoresFinite() {
    PlantedClassification data = PlantedClassification.of(6, 2, 2000, 500, 2, 1, false, true,
        23);
    Outcome o = fit(data, SolverSettings.DEFAULTS.validationFraction(0).maxIterations(300));
    System.out.println("separable " + o);
    assertTrue(o.accuracy > 0.97, o.toString());
    for (int i = 0; i < data.test.rows(); i++) {
      double[] f = o.net.scores(data.test.row(i));
      assertTrue(Double.isFinite(f[0]) && Math.abs(f[0]) < 1e6, "score " + f[0]);
    }
  }
}
