package polynomialnetwork.engine.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import polynomialnetwork.engine.ClassificationNetwork;
import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.RecoverySolver;
import polynomialnetwork.engine.optimizer.SolverSettings;
import org.junit.jupiter.api.Test;

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
      FitResult fit = RecoverySolver.fit(loss, settings);
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
}
