package polynomialnetwork.bench;

import polynomialnetwork.engine.InMemoryFit;
import java.util.Locale;
import java.util.Map;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;

/**
 * Fits planted problems (r = 5) with the Weka defaults on 2 threads and prints per fit the
 * pass-equivalents (rows gone through ÷ m, building the row samples included) by kind, the
 * passes, the iterations on samples and on all rows, the relative error of L and the seconds (of
 * a JVM's first fits: a compile-time figure, not a benchmark). Run by
 * {@code scripts/pass-probe.sh}. Arguments: p m noise seed... (default 200 20000 0 1 2 3);
 * {@code -DheadSteps=n} sets {@code -head-steps} (0 = AP-ROM's head at every step),
 * {@code -DsampledStart=false} turns the sampled start off, {@code -Dwarm=n} makes n untimed
 * fits before each timed one, {@code -Dr=n} plants and fits rank n, {@code -Dvalidation=f} sets
 * {@code -validation}, {@code -Dtrace=true} prints every iteration.
 */
public final class PassProbe {

  private PassProbe() {
  }

  public static void main(String[] args) {
    int p = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
    double noise = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    long[] seeds = {1, 2, 3};
    if (args.length > 3) {
      seeds = new long[args.length - 3];
      for (int k = 3; k < args.length; k++) {
        seeds[k - 3] = Long.parseLong(args[k]);
      }
    }
    PassCounter counter = PassCounter.installed();
    for (long seed : seeds) {
      int r = Integer.getInteger("r", 5);
      PlantedProblem prob = PlantedProblem.spec().p(p).r(r).m(m).seed(seed).noise(noise).build();
      SolverSettings s = SolverSettings.DEFAULTS.rank(r).threads(2)
          .validationFraction(Double.parseDouble(System.getProperty("validation",
              Double.toString(SolverSettings.DEFAULTS.validationFraction()))))
          .headSteps(Integer.getInteger("headSteps", SolverSettings.DEFAULTS.headSteps()))
          .sampledStart(Boolean.parseBoolean(System.getProperty("sampledStart",
              Boolean.toString(SolverSettings.DEFAULTS.sampledStart()))));
      for (int w = 0; w < Integer.getInteger("warm", 0); w++) {
        try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(prob.data, 2)) {
          InMemoryFit.fit(blocks, s);
        }
      }
      long passes0 = counter.passes();
      long rows0 = counter.rowsTouched();
      Map<String, long[]> before = counter.byKind();
      long t0 = System.nanoTime();
      FitResult fit;
      try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(prob.data, 2)) {
        fit = InMemoryFit.fit(blocks, s);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      if (Boolean.getBoolean("trace")) {
        fit.sampledTrace().forEach(System.out::println);
        fit.trace().forEach(System.out::println);
      }
      StringBuilder kinds = new StringBuilder();
      for (Map.Entry<String, long[]> e : counter.byKind().entrySet()) {
        long[] b = before.get(e.getKey());
        long rows = e.getValue()[2] - (b == null ? 0 : b[2]);
        if (rows > 0) {
          kinds.append(String.format(Locale.ROOT, " %s=%.1f", e.getKey(), rows / (double) m));
        }
      }
      System.out.printf(Locale.ROOT, "p=%d m=%d noise=%g seed=%d passeq=%.1f passes=%d"
          + " sampled=%d iterations=%d chosen=%d runs=%d stop=%s relErrL=%.3e seconds=%.2f |"
          + " pass-equivalents by kind:%s%n", p, m, noise, seed,
          (counter.rowsTouched() - rows0) / (double) m, counter.passes() - passes0,
          fit.sampledTrace().size(), fit.iterations(), fit.chosenIterations(),
          fit.validationRuns(), fit.stopReason(), prob.relativeError(fit), secs, kinds);
    }
  }
}
