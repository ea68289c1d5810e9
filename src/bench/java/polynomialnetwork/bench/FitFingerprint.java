package polynomialnetwork.bench;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.DelegatingRowBlocks;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.RecoverySolver;
import polynomialnetwork.engine.optimizer.SolverSettings;
import polynomialnetwork.engine.optimizer.SolverSettings.Method;
import polynomialnetwork.engine.optimizer.SolverSettings.StepRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint of many fits, for checking that a change (a refactor) leaves every fit bit for
 * bit the same: run it before and after and diff the outputs ({@code scripts/fit-fingerprint.sh}).
 *
 * <p>For each configuration it prints the settings, the stop reason and iteration counts, the
 * validation and rank-choice results, every trace record's numbers at 17 significant digits,
 * a 64-bit hash of every bit of the returned model (interaction values and vectors, linear term,
 * bias) with its first numbers, and the passes over the data by kind. Nothing that depends on
 * time goes to standard output (per-configuration seconds go to standard error), so two runs of
 * the same code print the same text.
 *
 * <p>It reaches the engine only through {@link polynomialnetwork.engine.InMemoryFit#fit(RowBlocks, SolverSettings)},
 * {@link ThreadedRowBlocks}, {@link SolverSettings}, {@link FitResult} and the test helper
 * {@link PlantedProblem} (plus the types their signatures name: {@link RowBlocks},
 * {@link BlockAggregator}, {@link DesignMatrix}, {@link FactoredSymmetric}), so that it is easy to
 * port when packages move. Passes are counted by a wrapping {@link RowBlocks} (a test
 * {@code DelegatingRowBlocks}), by the class name of each pass.
 *
 * <p>Configurations ("Weka defaults" = {@code SolverSettings.DEFAULTS.rank(5).threads(2)}:
 * validation 0.2 x 5 runs, AP-ROM-MBK, step SEARCH; "singleRun" = {@link
 * PlantedProblem#singleRun()}{@code .rank(5)}: no validation, 1 thread, tolerance 1e-10), planted
 * data with r = 5 and seeds 1, 2, 3 unless said:
 * (a) Weka defaults, p = 200, m = 20000; (b) the same on 1 thread; (c) singleRun, p = 200;
 * (d) EP-ROM and AP-ROM-BK, Weka defaults and singleRun, p = 60, m = 5000 (plus EP-ROM UNIT and
 * AP-ROM-BK SAFEGUARDED for seed 1); at p = 60, m = 20000: (e) ridge 0.1; (f) fresh sampling,
 * 4 batches; (g) fitLinear false; (h) step UNIT; (j) warmStart false; (k) refitCore true;
 * (o) steps SAFEGUARDED and LINE_SEARCH, explicit block size / Krylov depths, validation 0.25 x 2
 * with tolerance 0; (i) rank 0 (automatic), p = 30, m = 3000, seed 1; (l) noise 0.5, p = 60
 * (and p = 200, seed 1); (m) a planted linear term, fitLinear true and false; (n) row weights
 * 1, 2, 3; (p) BINARY and CORRELATED features; (q) a target with no quadratic part, noiseless and
 * with noise 2, including a one-iteration fit that falls back to the linear model (seed 1).
 *
 * <p>Arguments: optional configuration labels (a ... q) to run only those; default all.
 */
public final class FitFingerprint {

  private static final int R = 5;
  private static final java.util.Set<String> ONLY = new java.util.HashSet<>();

  private FitFingerprint() {
  }

  /** Delegates every method to the inner rows and counts the passes by the aggregator's kind. */
  static final class CountingRowBlocks extends DelegatingRowBlocks {
    private final Map<String, Long> byKind = new TreeMap<>();
    private long total;

    CountingRowBlocks(RowBlocks inner) {
      super(inner);
    }

    @Override
    public <A> A aggregate(BlockAggregator<A> aggregator) {
      String kind = PassCounter.kind(aggregator);
      synchronized (this) {
        total++;
        byKind.merge(kind, 1L, Long::sum);
      }
      return inner.aggregate(aggregator);
    }

    synchronized String summary() {
      StringBuilder sb = new StringBuilder("passes total " + total);
      for (Map.Entry<String, Long> e : byKind.entrySet()) {
        sb.append("\n  passes ").append(e.getKey()).append(' ').append(e.getValue());
      }
      return sb.toString();
    }
  }

  public static void main(String[] args) {
    for (String a : args) {
      ONLY.add(a);
    }
    boolean vector;
    try {
      Class.forName("jdk.incubator.vector.DoubleVector");
      vector = true;
    } catch (Throwable e) {
      vector = false;
    }
    System.out.println("# fit fingerprint; jdk.incubator.vector loadable: " + vector
        + "; polynomialnetwork.kernel=" + System.getProperty("polynomialnetwork.kernel"));
    long start = System.nanoTime();

    SolverSettings weka = SolverSettings.DEFAULTS.rank(R).threads(2);
    SolverSettings single = PlantedProblem.singleRun().rank(R);
    long[] seeds = {1, 2, 3};

    for (long seed : seeds) {
      if (!wanted("a") && !wanted("b") && !wanted("c")) {
        break;
      }
      DesignMatrix x = planted(200, 20000, seed, 0, false);
      String d = data(200, 20000, seed, 0, false);
      run("a", "Weka defaults, 2 threads", d, x, weka);
      run("b", "Weka defaults, 1 thread", d, x, weka.threads(1));
      run("c", "singleRun AP-ROM-MBK", d, x, single.method(Method.AP_ROM_MBK));
    }
    for (long seed : seeds) {
      if (!wanted("d")) {
        break;
      }
      DesignMatrix x = planted(60, 5000, seed, 0, false);
      String d = data(60, 5000, seed, 0, false);
      for (Method m : new Method[] {Method.EP_ROM, Method.AP_ROM_BK}) {
        run("d", m.displayName() + ", Weka defaults", d, x, weka.method(m));
        run("d", m.displayName() + ", singleRun", d, x, single.method(m));
      }
      if (seed == 1) {
        run("d", "EP-ROM, singleRun, step UNIT", d, x,
            single.method(Method.EP_ROM).stepRule(StepRule.UNIT));
        run("d", "AP-ROM-BK, singleRun, step SAFEGUARDED", d, x,
            single.method(Method.AP_ROM_BK).stepRule(StepRule.SAFEGUARDED));
      }
    }
    for (long seed : seeds) {
      boolean any = false;
      for (String l : new String[] {"e", "f", "g", "h", "j", "k", "o"}) {
        any |= wanted(l);
      }
      if (!any) {
        break;
      }
      DesignMatrix x = planted(60, 20000, seed, 0, false);
      String d = data(60, 20000, seed, 0, false);
      run("e", "ridge 0.1, Weka defaults", d, x, weka.ridge(0.1));
      run("f", "fresh sampling 4 batches, Weka defaults", d, x, weka.freshSamplingBatches(4));
      run("f", "fresh sampling 4 batches, singleRun", d, x, single.freshSamplingBatches(4));
      run("g", "fitLinear false, Weka defaults", d, x, weka.fitLinear(false));
      run("h", "step UNIT, Weka defaults", d, x, weka.stepRule(StepRule.UNIT));
      run("h", "step UNIT, singleRun", d, x, single.stepRule(StepRule.UNIT));
      run("j", "warmStart false, Weka defaults", d, x, weka.warmStart(false));
      run("k", "refitCore true, Weka defaults", d, x, weka.refitCore(true));
      run("k", "refitCore true, singleRun", d, x, single.refitCore(true));
      run("o", "step SAFEGUARDED, singleRun", d, x, single.stepRule(StepRule.SAFEGUARDED));
      run("o", "step LINE_SEARCH, singleRun", d, x, single.stepRule(StepRule.LINE_SEARCH));
      run("o", "blockSize 8 krylovDepth 3 warmDepth 2, Weka defaults", d, x,
          weka.blockSize(8).krylovDepth(3).warmDepth(2));
      run("o", "validation 0.25 x 2 runs, tolerance 0, maxIterations 40, Weka defaults", d, x,
          weka.validationFraction(0.25).validationRuns(2).tolerance(0).maxIterations(40));
    }
    if (wanted("i")) {
      DesignMatrix x = planted(30, 3000, 1, 0, false);
      String d = data(30, 3000, 1, 0, false);
      run("i", "rank 0 (automatic), Weka defaults", d, x, weka.rank(SolverSettings.AUTOMATIC_RANK));
    }
    for (long seed : seeds) {
      if (!wanted("l") && !wanted("m") && !wanted("n")) {
        break;
      }
      if (wanted("l")) {
        run("l", "noisy, Weka defaults", data(60, 20000, seed, 0.5, false),
            planted(60, 20000, seed, 0.5, false), weka);
      }
      DesignMatrix lin = wanted("m") || wanted("n") ? planted(60, 20000, seed, 0, true) : null;
      String dl = data(60, 20000, seed, 0, true);
      run("m", "planted linear term, Weka defaults", dl, lin, weka);
      run("m", "planted linear term, fitLinear false", dl, lin,
          weka.fitLinear(false));
      if (wanted("n")) {
        run("n", "weights 1,2,3 by row, Weka defaults", dl + ", weights 1 + i mod 3",
            weighted(lin), weka);
        run("n", "weights 1,2,3 by row, singleRun", dl + ", weights 1 + i mod 3",
            weighted(lin), single);
      }
    }
    if (wanted("l")) {
      run("l", "noisy, Weka defaults", data(200, 20000, 1, 0.5, false),
          planted(200, 20000, 1, 0.5, false), weka);
    }
    for (long seed : seeds) {
      if (!wanted("p")) {
        break;
      }
      for (PlantedProblem.Distribution dist : new PlantedProblem.Distribution[] {
          PlantedProblem.Distribution.BINARY, PlantedProblem.Distribution.CORRELATED}) {
        DesignMatrix x = PlantedProblem.spec().p(60).r(R).m(20000).seed(seed).linear(true)
            .distribution(dist).build().data;
        String d = data(60, 20000, seed, 0, true) + " distribution " + dist;
        run("p", dist + " features, Weka defaults", d, x, weka);
      }
    }
    for (long seed : seeds) {
      if (!wanted("q")) {
        break;
      }
      DesignMatrix rows = planted(60, 20000, seed, 0, false);
      String d = data(60, 20000, seed, 0, false) + ", target replaced by x.b + 0.7";
      run("q", "linear-only target, singleRun", d, linearTarget(rows, 0, seed), single);
      DesignMatrix noisy = linearTarget(rows, 2, seed);
      run("q", "linear-only target plus noise 2, Weka defaults", d + " + 2 N(0, 1)", noisy, weka);
      run("q", "linear-only target plus noise 2, singleRun, maxIterations 1 (fallback check)",
          d + " + 2 N(0, 1)", noisy, single.maxIterations(1));
    }
    System.err.println(String.format(Locale.ROOT, "total %.1f s",
        (System.nanoTime() - start) / 1e9));
  }

  private static boolean wanted(String label) {
    return ONLY.isEmpty() || ONLY.contains(label);
  }

  private static DesignMatrix planted(int p, int m, long seed, double noise, boolean linear) {
    return PlantedProblem.spec().p(p).r(R).m(m).seed(seed).noise(noise).linear(linear).build()
        .data;
  }

  private static String data(int p, int m, long seed, double noise, boolean linear) {
    return "planted p " + p + " m " + m + " r " + R + " seed " + seed + " noise " + noise
        + " linear " + linear;
  }

  /** The same rows with weights 1, 2, 3, 1, 2, 3, ... */
  private static DesignMatrix weighted(DesignMatrix x) {
    double[][] rows = new double[x.rows()][];
    double[] w = new double[x.rows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = x.row(i);
      w[i] = 1 + i % 3;
    }
    return DesignMatrix.fromRows(rows, x.target(), w);
  }

  /**
   * The same rows with the target y = x.b + 0.7 + noise N(0, 1), b_j = ((j mod 5) - 2)/sqrt(p):
   * no quadratic part.
   */
  private static DesignMatrix linearTarget(DesignMatrix x, double noise, long seed) {
    double[] y = new double[x.rows()];
    double scale = 1 / Math.sqrt(x.cols());
    java.util.Random rng = new java.util.Random(seed);
    for (int i = 0; i < y.length; i++) {
      double[] row = x.row(i);
      double s = 0.7 + noise * rng.nextGaussian();
      for (int j = 0; j < row.length; j++) {
        s += row[j] * ((j % 5) - 2) * scale;
      }
      y[i] = s;
    }
    return x.withTarget(y);
  }

  private static String describe(SolverSettings s) {
    return "method " + s.method().displayName() + " rank " + s.rank() + " maxIterations "
        + s.maxIterations() + " tolerance " + g(s.tolerance()) + " step " + s.stepRule()
        + " blockSize " + s.blockSize() + " krylovDepth " + s.krylovDepth()
        + " freshSamplingBatches " + s.freshSamplingBatches() + " fitLinear " + s.fitLinear()
        + " seed " + s.seed() + " stagnationPatience " + s.stagnationPatience()
        + " stagnationTolerance " + g(s.stagnationTolerance()) + " divergenceFactor "
        + g(s.divergenceFactor()) + " threads " + s.threads() + " warmStart " + s.warmStart()
        + " refitCore " + s.refitCore() + " validationFraction " + g(s.validationFraction())
        + " validationRuns " + s.validationRuns() + " warmDepth " + s.warmDepth() + " ridge "
        + g(s.ridge());
  }

  private static void run(String label, String what, String data, DesignMatrix x,
      SolverSettings s) {
    if (!wanted(label)) {
      return;
    }
    long t0 = System.nanoTime();
    System.out.println();
    System.out.println("=== (" + label + ") " + what + " | " + data + " | " + describe(s));
    // threads() is set explicitly in every configuration, so the layout does not depend on
    // the machine's core count
    try (ThreadedRowBlocks tb = new ThreadedRowBlocks(x, s.effectiveThreads())) {
      CountingRowBlocks blocks = new CountingRowBlocks(tb);
      FitResult fit;
      try {
        fit = InMemoryFit.fit(blocks, s);
      } catch (RuntimeException e) {
        System.out.println("threw " + e.getClass().getName() + ": " + e.getMessage());
        System.out.println(blocks.summary());
        return;
      }
      printFit("", fit);
      if (fit.validationRun() != null) {
        FitResult v = fit.validationRun();
        if (v == fit) {
          System.out.println("validation run 1: the fit itself");
        } else {
          System.out.println("validation run 1:");
          printFit("  ", v);
        }
      }
      System.out.println(blocks.summary());
    }
    System.err.println(String.format(Locale.ROOT, "(%s) %s | %s: %.1f s", label, what, data,
        (System.nanoTime() - t0) / 1e9));
  }

  private static void printFit(String indent, FitResult fit) {
    System.out.println(indent + "stop " + fit.stopReason() + " iterations " + fit.iterations()
        + " bestIteration " + fit.bestIteration() + " bestRelativeResidual "
        + g(fit.bestRelativeResidual()) + " linearFallback " + fit.linearFallback());
    System.out.println(indent + "validationRuns " + fit.validationRuns() + " chosenIterations "
        + fit.chosenIterations());
    double[] curve = fit.validationCurve();
    if (curve != null) {
      System.out.println(indent + "validationCurve " + list(curve));
    }
    double[] scores = fit.rankScores();
    if (scores != null) {
      System.out.println(indent + "rankScores " + list(scores));
    }
    for (FitResult.IterationRecord r : fit.trace()) {
      System.out.println(indent + String.format(Locale.ROOT,
          "it %d rel %s rmse %s val %s stepL %s stepLin %s cols %d", r.iteration,
          g(r.relativeResidual), g(r.rmse), g(r.validationRmse), g(r.stepL), g(r.stepLinear),
          r.productColumns));
    }
    FactoredSymmetric l = fit.interaction();
    double[] beta = fit.linearTerm();
    long h = 0x243F6A8885A308D3L;
    h = mix(h, l.dimension());
    h = mix(h, l.rank());
    for (double v : l.values()) {
      h = mix(h, Double.doubleToLongBits(v));
    }
    for (double[] u : l.vectors()) {
      h = mix(h, u.length);
      for (double v : u) {
        h = mix(h, Double.doubleToLongBits(v));
      }
    }
    h = mix(h, beta == null ? -1 : beta.length);
    if (beta != null) {
      for (double v : beta) {
        h = mix(h, Double.doubleToLongBits(v));
      }
    }
    h = mix(h, Double.doubleToLongBits(fit.bias()));
    System.out.println(indent + String.format(Locale.ROOT, "model hash %016x rank %d",
        h, l.rank()));
    System.out.println(indent + "  values " + list(first3(l.values())));
    System.out.println(indent + "  u0 " + (l.rank() == 0 ? "-" : list(first3(l.vectors()[0]))));
    System.out.println(indent + "  beta " + (beta == null ? "null" : list(first3(beta))));
    System.out.println(indent + "  bias " + g(fit.bias()));
  }

  private static double[] first3(double[] v) {
    return java.util.Arrays.copyOf(v, Math.min(3, v.length));
  }

  /** One step of a 64-bit hash over a sequence of longs (splitmix64's finaliser on each). */
  private static long mix(long h, long v) {
    long z = v + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return Long.rotateLeft(h ^ z, 27) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
  }

  private static String g(double v) {
    return String.format(Locale.ROOT, "%.17g", v);
  }

  private static String list(double[] v) {
    List<String> out = new ArrayList<>();
    for (double d : v) {
      out.add(g(d));
    }
    return String.join(" ", out);
  }
}
