package polynomialnetwork.bench;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.ClassificationNetwork;
import polynomialnetwork.engine.PlantedClassification;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.objective.LogLoss;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.RecoverySolver;
import polynomialnetwork.engine.optimizer.SolverSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.classifiers.functions.Logistic;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * (PlantedClassification's accuracy helpers copy the targets once per row, O(n²) in the test
 * rows: fine at 5 000 or 20 000, minutes at 200 000.)
 *
 * <p>The planted classification benchmark (doc/algorithms.md §13), run by
 * {@code scripts/acceptance-sweep.sh classification}: the log-loss fit through the engine
 * ({@link LogLoss} + {@link RecoverySolver} with {@link SolverSettings#DEFAULTS}, as
 * LogLossTest does) against the Bayes classifier and Weka's {@code Logistic} (defaults) on the
 * same rows. Prints Markdown.
 *
 * <ul>
 *   <li>{@code classification-table}: p = 30, r = 3, with linear part, y ~ Bernoulli(σ(s·f)),
 *       5 000 test rows, m ∈ {5 000, 10 000, 20 000, 40 000}, data seeds 1 … {@code
 *       -Dsweep.seeds} (default 3), s = {@code -Dsweep.scale} (default {@link #SCALE}, Bayes
 *       accuracy about 89 %).</li>
 *   <li>{@code classification-boundary}: the deterministic boundary y = [f &gt; 0], p = 50,
 *       r = 2, m = 20 000, no linear part.</li>
 *   <li>{@code classification-scale}: the Bayes accuracy against s on 20 000 rows, 5 seeds (how
 *       {@link #SCALE} was chosen).</li>
 *   <li>{@code classification-probe}: both problems at m = 20 000 with settings other than the
 *       defaults (rank, iterations, no validation), to see what limits the defaults.</li>
 * </ul>
 */
public final class ClassificationSweep {

  static final int P = 30;
  static final int R = 3;
  static final int TEST = 5000;
  static final int[] MS = {5000, 10000, 20000, 40000};
  /** Bayes accuracy ≈ 0.89 (0.878 at s = 2, 0.915 at s = 3) at p = 30, r = 3 with linear part (classification-scale). */
  public static final double SCALE = 2.3;

  private ClassificationSweep() {
  }

  static double scale() {
    return Double.parseDouble(System.getProperty("sweep.scale", Double.toString(SCALE)));
  }

  static int seeds() {
    return Integer.getInteger("sweep.seeds", 3);
  }

  /** One PN fit and its scores on the test rows. */
  static final class Outcome {
    FitResult fit;
    double accuracy;
    double bayes;
    double[] error;
    double seconds;

    String fitNote() {
      return String.format(Locale.ROOT, "%d it. (validation chose %d), %s%s", fit.iterations(),
          fit.chosenIterations(), fit.stopReason(), fit.linearFallback() ? ", LINEAR FALLBACK"
              : "");
    }
  }

  static Outcome fitPn(PlantedClassification data, SolverSettings settings) {
    Outcome o = new Outcome();
    long t0 = System.nanoTime();
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(data.train,
        settings.effectiveThreads())) {
      LogLoss loss = new LogLoss(blocks, data.classes, settings.fitLinear());
      // as the Weka classifier fits the log-loss (doc/algorithms.md §13)
      o.fit = InMemoryFit.fit(loss, settings.headSpansIterate(true));
      ClassificationNetwork net = ClassificationNetwork.of(o.fit.interaction(),
          o.fit.linearTerm(), o.fit.bias(), loss.layout());
      o.seconds = (System.nanoTime() - t0) * 1e-9;
      o.accuracy = data.accuracy(net);
      o.error = data.relativeError(net);
    }
    o.bayes = data.bayesAccuracy();
    return o;
  }

  /** The rows as Instances with a nominal class c0 … c(k−1). */
  public static Instances instances(DesignMatrix x, int classes, String name) {
    int p = x.cols();
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      atts.add(new Attribute("x" + (j + 1)));
    }
    List<String> values = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      values.add("c" + c);
    }
    atts.add(new Attribute("class", values));
    Instances data = new Instances(name, atts, x.rows());
    data.setClassIndex(p);
    double[] y = x.target();
    for (int i = 0; i < x.rows(); i++) {
      double[] v = Arrays.copyOf(x.row(i), p + 1);
      v[p] = y[i];
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  /** Weka's Logistic (defaults) trained on the training rows: {test accuracy, fit seconds}. */
  static double[] logistic(PlantedClassification data) throws Exception {
    Instances train = instances(data.train, data.classes, "train");
    Instances test = instances(data.test, data.classes, "test");
    Logistic l = new Logistic();
    long t0 = System.nanoTime();
    l.buildClassifier(train);
    double s = (System.nanoTime() - t0) * 1e-9;
    int right = 0;
    for (int i = 0; i < test.numInstances(); i++) {
      right += l.classifyInstance(test.instance(i)) == test.instance(i).classValue() ? 1 : 0;
    }
    return new double[] {right / (double) test.numInstances(), s};
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  static void table() {
    double s = scale();
    int seeds = seeds();
    System.out.printf(Locale.ROOT, "%n### Planted classification, p = %d, r = %d, with linear "
        + "part, y ~ Bernoulli(σ(s·f)), s = %s, %d test rows, data seeds 1 … %d, "
        + "SolverSettings.DEFAULTS (rank %d, %d threads); medians over the seeds%n%n", P, R,
        s, TEST, seeds, SolverSettings.DEFAULTS.rank(),
        SolverSettings.DEFAULTS.effectiveThreads());
    System.out.println("| m | rel. error L | scale-free rel. error L | PN test acc. | Bayes acc. |"
        + " PN − Bayes (points) | Logistic test acc. | PN fit s | Logistic fit s |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    StringBuilder detail = new StringBuilder();
    for (int m : MS) {
      double[][] col = new double[8][seeds];
      for (int k = 0; k < seeds; k++) {
        PlantedClassification data = PlantedClassification.of(P, R, m, TEST, 2, s, true, false,
            k + 1);
        Outcome o = fitPn(data, SolverSettings.DEFAULTS);
        double[] lg;
        try {
          lg = logistic(data);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        double[] v = {o.error[0], o.error[1], o.accuracy, o.bayes, 100 * (o.accuracy - o.bayes),
            lg[0], o.seconds, lg[1]};
        for (int c = 0; c < v.length; c++) {
          col[c][k] = v[c];
        }
        String line = String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f | %.4f | %.4f | %+.2f "
            + "| %.4f | %.2f | %.2f | %s |%n", m, k + 1, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
            v[7], o.fitNote());
        detail.append(line);
        System.err.print("  " + line);
      }
      System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.4f | %.4f | %+.2f | %.4f | %.2f | "
          + "%.2f |%n", m, median(col[0]), median(col[1]), median(col[2]), median(col[3]),
          median(col[4]), median(col[5]), median(col[6]), median(col[7]));
      System.out.flush();
    }
    System.out.println("\nPer seed:\n");
    System.out.println("| m | seed | rel. error L | scale-free | PN acc. | Bayes acc. | PN − Bayes "
        + "| Logistic acc. | PN s | Logistic s | PN fit |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    System.out.print(detail);
    System.out.flush();
  }

  static PlantedClassification boundaryData(int m, long seed) {
    return PlantedClassification.of(50, 2, m, TEST, 2, 1.0, false, true, seed);
  }

  static void boundary() {
    int seeds = seeds();
    System.out.printf(Locale.ROOT, "%n### Deterministic quadratic boundary y = [f > 0], p = 50, "
        + "r = 2, no linear part, m = 20 000, %d test rows, SolverSettings.DEFAULTS (rank %d)%n%n",
        TEST, SolverSettings.DEFAULTS.rank());
    System.out.println("| seed | PN test acc. | Logistic test acc. | scale-free rel. error L | "
        + "rel. error L | PN fit s | PN fit |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---|");
    double[][] col = new double[3][seeds];
    for (int k = 0; k < seeds; k++) {
      PlantedClassification data = boundaryData(20000, k + 1);
      Outcome o = fitPn(data, SolverSettings.DEFAULTS);
      double[] lg;
      try {
        lg = logistic(data);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      col[0][k] = o.accuracy;
      col[1][k] = lg[0];
      col[2][k] = o.error[1];
      System.out.printf(Locale.ROOT, "| %d | %.4f | %.4f | %.3f | %.3f | %.2f | %s |%n", k + 1,
          o.accuracy, lg[0], o.error[1], o.error[0], o.seconds, o.fitNote());
      System.out.flush();
    }
    System.out.printf(Locale.ROOT, "| median | %.4f | %.4f | %.3f | | | |%n", median(col[0]),
        median(col[1]), median(col[2]));
  }

  static void calibrateScale() {
    System.out.printf(Locale.ROOT, "%n### Bayes accuracy against s (p = %d, r = %d, linear part,"
        + " 20 000 rows, data seeds 1 … 5)%n%n| s | Bayes accuracy per seed |%n|---:|---|%n",
        P, R);
    for (double s : new double[] {0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.3, 2.5, 3.0}) {
      StringBuilder sb = new StringBuilder();
      for (int k = 1; k <= 5; k++) {
        sb.append(String.format(Locale.ROOT, "%.4f ", PlantedClassification.of(P, R, 10,
            20_000, 2, s, true, false, k).bayesAccuracy()));
      }
      System.out.printf(Locale.ROOT, "| %s | %s|%n", s, sb);
    }
  }

  /** Settings other than the defaults on both problems at m = 20 000. */
  static void probe() {
    String[] names = {"defaults", "rank 2", "no validation (100 it.)", "max 300 it.",
        "no validation, max 300 it.", "validation 10 runs", "no validation, 30 it.",
        "no validation, 50 it."};
    SolverSettings d = SolverSettings.DEFAULTS;
    SolverSettings[] settings = {d, d.rank(2), d.validationFraction(0), d.maxIterations(300),
        d.validationFraction(0).maxIterations(300), d.validationRuns(10),
        d.validationFraction(0).maxIterations(30), d.validationFraction(0).maxIterations(50)};
    String only = System.getProperty("sweep.probe", "");
    int seeds = seeds();
    for (String problem : new String[] {"table", "boundary"}) {
      System.out.printf(Locale.ROOT, "%n### Probe: %s problem, m = 20 000, data seeds 1 … %d%n%n",
          problem.equals("table") ? "planted (p = 30, r = 3, s = " + scale() + ")"
              : "deterministic boundary (p = 50, r = 2)", seeds);
      System.out.println("| settings | seed | PN test acc. | Bayes acc. | scale-free rel. error"
          + " | rel. error | PN fit s | PN fit |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
      for (int k = 0; k < seeds; k++) {
        PlantedClassification data = problem.equals("table")
            ? PlantedClassification.of(P, R, 20000, TEST, 2, scale(), true, false, k + 1)
            : boundaryData(20000, k + 1);
        for (int v = 0; v < settings.length; v++) {
          if (!only.isEmpty() && !Arrays.asList(only.split(",")).contains(Integer.toString(v))) {
            continue;
          }
          Outcome o = fitPn(data, settings[v]);
          System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.3f | %.3f | %.2f | %s |%n",
              names[v], k + 1, o.accuracy, o.bayes, o.error[1], o.error[0], o.seconds,
              o.fitNote());
          System.out.flush();
        }
      }
    }
  }
}
