package polynomialnetwork.bench;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import polynomialnetwork.engine.optimizer.SolverSettings.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Seconds per iteration of each solver at the given p (m = 10·p·r, r = 5, planted noiseless
 * data, as IterationTiming), reported as min and median over the iterations after the first
 * (JIT warm-up), with the number of iterations measured. Meant for before/after comparisons on
 * a shared machine, where the mean of IterationTiming hides the spread.
 * Usage: {@code DenseIterationTiming threads iterations p [p ...]}; methods by
 * {@code -Dmethods=EP_ROM,AP_ROM_BK,AP_ROM_MBK}.
 */
public final class DenseIterationTiming {

  public static void main(String[] args) {
    int threads = Integer.parseInt(args[0]);
    int iters = Integer.parseInt(args[1]);
    int r = 5;
    String[] methods = System.getProperty("methods", "EP_ROM,AP_ROM_BK,AP_ROM_MBK").split(",");
    System.out.println("java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, " + threads + " solver thread(s), "
        + "kernel " + polynomialnetwork.engine.kernel.PassKernels.best().name());
    System.out.println("| p | m | solver | min s/it | median s/it | iterations measured |");
    System.out.println("|---|---|---|---|---|---|");
    for (int a = 2; a < args.length; a++) {
      int p = Integer.parseInt(args[a]);
      int m = 10 * p * r;
      PlantedProblem pp = PlantedProblem.spec().p(p).r(r).m(m).seed(1).build();
      for (String name : methods) {
        Method method = Method.valueOf(name);
        int n = method == Method.AP_ROM_MBK ? Math.max(iters, 6) : iters;
        FitResult fit = InMemoryFit.fit(pp.data, new SolverSettings().method(method).rank(r)
            .maxIterations(n + 1).tolerance(0).stagnationPatience(1000).seed(1)
            .threads(threads));
        List<FitResult.IterationRecord> tr = fit.trace();
        // record i is taken after i updates; updates 2.. are timed
        double[] dt = new double[tr.size() - 2];
        for (int i = 2; i < tr.size(); i++) {
          dt[i - 2] = tr.get(i).seconds - tr.get(i - 1).seconds;
        }
        Arrays.sort(dt);
        System.out.println(String.format(Locale.ROOT, "| %d | %d | %s | %.3f | %.3f | %d |", p, m,
            name, dt[0], dt[dt.length / 2], dt.length));
      }
      pp = null;
      System.gc();
    }
  }
}
