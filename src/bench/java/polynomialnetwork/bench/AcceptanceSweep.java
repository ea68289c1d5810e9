package polynomialnetwork.bench;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import polynomialnetwork.engine.optimizer.SolverSettings.Method;
import polynomialnetwork.engine.optimizer.SolverSettings.StepRule;
import java.util.Locale;

/**
 * The multi-seed sweeps behind the acceptance criteria (doc/algorithms.md):
 * p = 100, r = 5, orthonormal w_j, α_j = ±1, x ~ N(0, I), 10 seeds each. Run with
 * {@code scripts/acceptance-sweep.sh}; prints Markdown tables. The classification modes
 * ({@code classification}, {@code classification-table}, {@code classification-boundary},
 * {@code classification-scale}, {@code classification-probe}) run {@link ClassificationSweep}.
 */
public final class AcceptanceSweep {

  private static final int SEEDS = 10;

  public static void main(String[] args) {
    String which = args.length > 0 ? args[0] : "all";
    if (which.equals("all") || which.equals("exact")) {
      exactRecovery();
    }
    if (which.equals("all") || which.equals("small")) {
      smallSample();
    }
    if (which.equals("all") || which.equals("noise")) {
      noise();
    }
    if (which.equals("all") || which.equals("linear")) {
      linear();
    }
    if (which.equals("all") || which.equals("kappa")) {
      illConditioned();
    }
    if (which.equals("all") || which.equals("nongauss")) {
      nonGaussian();
    }
    if (which.equals("all") || which.equals("rank")) {
      automaticRank();
    }
    // not in "all": the classification benchmark fits far more (and larger) problems
    if (which.equals("classification") || which.equals("classification-table")) {
      ClassificationSweep.table();
    }
    if (which.equals("classification") || which.equals("classification-boundary")) {
      ClassificationSweep.boundary();
    }
    if (which.equals("classification-scale")) {
      ClassificationSweep.calibrateScale();
    }
    if (which.equals("classification-probe")) {
      ClassificationSweep.probe();
    }
  }

  /**
   * {@link PlantedProblem#singleRun()}, with the sampled start as {@code -Dsweep.sampledStart}
   * says (default on, as in Weka): {@code false} gives the tables without it.
   */
  static SolverSettings singleRun() {
    return PlantedProblem.singleRun().sampledStart(
        Boolean.parseBoolean(System.getProperty("sweep.sampledStart", "true")));
  }

  static SolverSettings settings(Method method, StepRule rule, long seed) {
    return singleRun().method(method).stepRule(rule).rank(5).maxIterations(100)
        .tolerance(1e-12).seed(seed).fitLinear(false);
  }

  static void exactRecovery() {
    System.out.println("\n### Noiseless, m = 8000: relative error and iterations per seed\n");
    System.out.println("| solver | step | successes (< 1e-8 within 100 it.) | median iterations |"
        + " max error | errors |");
    System.out.println("|---|---|---|---|---|---|");
    for (Method method : Method.values()) {
      for (StepRule rule : StepRule.values()) {
        row(method, rule, 8000, 0.0, 1e-8, 1);
      }
    }
  }

  static void smallSample() {
    System.out.println("\n### Noiseless, m = 3000 (= 6pr), AP-ROM-MBK: success = error < 1e-3\n");
    System.out.println("| solver | step | successes | median iterations | max error | stop reasons |");
    System.out.println("|---|---|---|---|---|---|");
    for (StepRule rule : StepRule.values()) {
      row(Method.AP_ROM_MBK, rule, 3000, 0.0, 1e-3, 1);
    }
    row(Method.EP_ROM, StepRule.UNIT, 3000, 0.0, 1e-3, 1);
    row(Method.EP_ROM, StepRule.SAFEGUARDED, 3000, 0.0, 1e-3, 1);
    row(Method.EP_ROM, StepRule.SEARCH, 3000, 0.0, 1e-3, 1);
  }

  static void noise() {
    System.out.println("\n### Noisy, σ = 0.1, AP-ROM-MBK: median relative error over 10 seeds\n");
    System.out.println("| step | m = 8000 | m = 16000 | m = 32000 | ratio 16k/8k | ratio 32k/16k |");
    System.out.println("|---|---|---|---|---|---|");
    for (StepRule rule : StepRule.values()) {
      double[] med = new double[3];
      int[] ms = {8000, 16000, 32000};
      for (int k = 0; k < 3; k++) {
        double[] errs = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
          PlantedProblem pp = PlantedProblem.spec().m(ms[k]).noise(0.1).seed(s + 1).build();
          errs[s] = pp.relativeError(InMemoryFit.fit(pp.data,
              settings(Method.AP_ROM_MBK, rule, s + 1)));
        }
        java.util.Arrays.sort(errs);
        med[k] = 0.5 * (errs[4] + errs[5]);
      }
      System.out.println(String.format(Locale.ROOT, "| %s | %.3e | %.3e | %.3e | %.3f | %.3f |",
          rule, med[0], med[1], med[2], med[1] / med[0], med[2] / med[1]));
    }
  }

  static void linear() {
    System.out.println("\n### General quadratic y = xᵀLx + βᵀx + c, m = 8000, noiseless\n");
    System.out.println("| solver | step | max rel. error L | max rel. error β | max rel. error c |"
        + " median iterations |");
    System.out.println("|---|---|---|---|---|---|");
    for (Method method : Method.values()) {
      for (StepRule rule : new StepRule[] {StepRule.UNIT, StepRule.SEARCH}) {
        double eL = 0;
        double eB = 0;
        double eC = 0;
        int[] its = new int[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
          PlantedProblem pp = PlantedProblem.spec().m(8000).linear(true).seed(s + 1).build();
          FitResult f = InMemoryFit.fit(pp.data,
              settings(method, rule, s + 1).fitLinear(true).maxIterations(150));
          eL = Math.max(eL, pp.relativeError(f));
          double[] b = f.linearTerm();
          double num = 0;
          double den = 0;
          for (int j = 0; j < b.length; j++) {
            num += (b[j] - pp.beta[j]) * (b[j] - pp.beta[j]);
            den += pp.beta[j] * pp.beta[j];
          }
          eB = Math.max(eB, Math.sqrt(num / den));
          eC = Math.max(eC, Math.abs(f.bias() - pp.bias) / Math.abs(pp.bias));
          its[s] = f.iterations();
        }
        java.util.Arrays.sort(its);
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %.2e | %.2e | %.2e | %d |",
            method, rule, eL, eB, eC, its[SEEDS / 2]));
      }
    }
  }

  static void illConditioned() {
    System.out.println("\n### Ill-conditioned |α| spread over κ = 100, m = 32000, noiseless\n");
    System.out.println("| solver | step | successes (< 1e-6) | median iterations (on all rows"
        + " + on row samples) | max error | stop reasons |");
    System.out.println("|---|---|---|---|---|---|");
    for (StepRule rule : new StepRule[] {StepRule.UNIT, StepRule.SAFEGUARDED, StepRule.SEARCH}) {
      rowKappa(Method.AP_ROM_MBK, rule);
    }
  }

  static void rowKappa(Method method, StepRule rule) {
    int ok = 0;
    double maxErr = 0;
    int[] its = new int[SEEDS];
    int[] sampled = new int[SEEDS];
    StringBuilder reasons = new StringBuilder();
    for (int s = 0; s < SEEDS; s++) {
      PlantedProblem pp = PlantedProblem.spec().m(32000).kappa(100).seed(s + 1).build();
      FitResult f = InMemoryFit.fit(pp.data, settings(method, rule, s + 1).maxIterations(200));
      double e = pp.relativeError(f);
      ok += e < 1e-6 ? 1 : 0;
      maxErr = Math.max(maxErr, e);
      its[s] = f.iterations();
      sampled[s] = f.sampledTrace().size();
      reasons.append(f.stopReason().name().charAt(0));
    }
    java.util.Arrays.sort(its);
    java.util.Arrays.sort(sampled);
    System.out.println(String.format(Locale.ROOT, "| %s | %s | %d/%d | %d + %d | %.2e | %s |",
        method, rule, ok, SEEDS, its[SEEDS / 2], sampled[SEEDS / 2], maxErr, reasons));
  }

  static void nonGaussian() {
    System.out.println("\n### Non-Gaussian inputs, noiseless, p = 50, r = 3, m = 5000, with linear"
        + " term; success = identifiable relative error < 1e-6 within 300 iterations\n");
    System.out.println("| features | step | successes | median iterations | max error | stop reasons |");
    System.out.println("|---|---|---|---|---|---|");
    for (PlantedProblem.Distribution d : PlantedProblem.Distribution.values()) {
      for (StepRule rule : new StepRule[] {StepRule.UNIT, StepRule.SEARCH}) {
        int ok = 0;
        double maxErr = 0;
        int[] its = new int[SEEDS];
        StringBuilder reasons = new StringBuilder();
        for (int s = 0; s < SEEDS; s++) {
          PlantedProblem pp = PlantedProblem.spec().p(50).r(3).m(5000).distribution(d)
              .linear(true).seed(s + 1).build();
          FitResult f = InMemoryFit.fit(pp.data, singleRun().rank(3).seed(s + 1)
              .maxIterations(300).tolerance(1e-12).stepRule(rule));
          double e = pp.identifiableError(f, d);
          ok += e < 1e-6 ? 1 : 0;
          maxErr = Math.max(maxErr, e);
          its[s] = f.iterations();
          reasons.append(f.stopReason().name().charAt(0));
        }
        java.util.Arrays.sort(its);
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %d/%d | %d | %.2e | %s |", d,
            rule, ok, SEEDS, its[SEEDS / 2], maxErr, reasons));
      }
    }
  }

  static void automaticRank() {
    System.out.println("\n### Automatic rank (-N 0), σ = 0.1, with linear term, 10 seeds\n");
    System.out.println("| p | m | true r | correct | ranks chosen |");
    System.out.println("|---|---|---|---|---|");
    for (int[] pm : new int[][] {{20, 2000}, {50, 5000}}) {
      for (int r : new int[] {1, 3, 5}) {
        int ok = 0;
        StringBuilder chosen = new StringBuilder();
        for (int s = 0; s < SEEDS; s++) {
          PlantedProblem pp = PlantedProblem.spec().p(pm[0]).r(r).m(pm[1]).noise(0.1)
              .linear(true).seed(s + 1).build();
          int c = InMemoryFit.chooseRank(pp.data, singleRun().seed(s + 1)
              .validationRuns(Integer.getInteger("sweep.validationRuns", 5)), 10).rank;
          ok += c == r ? 1 : 0;
          chosen.append(c).append(' ');
        }
        System.out.println(String.format(Locale.ROOT, "| %d | %d | %d | %d/%d | %s|", pm[0],
            pm[1], r, ok, SEEDS, chosen));
      }
    }
  }

  static void row(Method method, StepRule rule, int m, double noise, double threshold,
      int unused) {
    int ok = 0;
    double maxErr = 0;
    int[] its = new int[SEEDS];
    StringBuilder errs = new StringBuilder();
    StringBuilder reasons = new StringBuilder();
    boolean finite = true;
    for (int s = 0; s < SEEDS; s++) {
      PlantedProblem pp = PlantedProblem.spec().m(m).noise(noise).seed(s + 1).build();
      FitResult f = InMemoryFit.fit(pp.data, settings(method, rule, s + 1));
      double e = pp.relativeError(f);
      finite &= Double.isFinite(e);
      ok += e < threshold ? 1 : 0;
      maxErr = Math.max(maxErr, e);
      its[s] = f.iterations();
      errs.append(String.format(Locale.ROOT, "%.0e ", e));
      reasons.append(f.stopReason().name().charAt(0));
    }
    java.util.Arrays.sort(its);
    System.out.println(String.format(Locale.ROOT, "| %s | %s | %d/%d | %d | %.2e | %s%s |",
        method, rule, ok, SEEDS, its[SEEDS / 2], maxErr, threshold == 1e-8 ? errs.toString().trim()
            : reasons.toString(), finite ? "" : " NON-FINITE"));
  }
}
