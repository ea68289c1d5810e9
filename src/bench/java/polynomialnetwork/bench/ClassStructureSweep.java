package polynomialnetwork.bench;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.ClassificationNetwork;
import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.objective.LogLoss;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import java.util.Locale;

/**
 * How the k class scores of the multinomial log-loss share structure (doc/algorithms.md §13):
 * planted k-class data whose class networks have their own hidden weights ("separate") or share
 * them with per-class output weights ("shared"), fitted with the lifted rank R = r and R = k·r.
 * Prints Markdown: test accuracy against Bayes, relative error of the class matrices (centred over
 * the classes, up to scale), iterations and seconds. Usage: ClassStructureSweep [seeds].
 */
public final class ClassStructureSweep {

  private ClassStructureSweep() {
  }

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int p = 20;
    int r = 2;
    int k = 3;
    int m = 20000;
    System.out.println("| truth | lifted R | accuracy | Bayes | rel. error (scale-free) "
        + "| iterations | seconds |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (boolean shared : new boolean[] {false, true}) {
      for (int rank : new int[] {r, k * r}) {
        double acc = 0;
        double bayes = 0;
        double err = 0;
        double iters = 0;
        double secs = 0;
        for (int seed = 1; seed <= seeds; seed++) {
          PlantedClassification data = PlantedClassification.of(p, r, m, 5000, k, 2.0, true,
              false, shared, seed);
          try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(data.train, 2)) {
            LogLoss loss = new LogLoss(blocks, k, true);
            long t0 = System.nanoTime();
            FitResult fit = InMemoryFit.fit(loss, SolverSettings.DEFAULTS.rank(rank)
                .headSpansIterate(true));
            secs += (System.nanoTime() - t0) / 1e9 / seeds;
            ClassificationNetwork net = ClassificationNetwork.of(fit.interaction(),
                fit.linearTerm(), fit.bias(), loss.layout());
            acc += data.accuracy(net) / seeds;
            bayes += data.bayesAccuracy() / seeds;
            err += data.relativeError(net)[1] / seeds;
            iters += fit.iterations() / (double) seeds;
          }
        }
        System.out.println(String.format(Locale.ROOT,
            "| %s | %d | %.4f | %.4f | %.3f | %.1f | %.2f |", shared ? "shared units"
                : "separate units", rank, acc, bayes, err, iters, secs));
      }
    }
  }
}
