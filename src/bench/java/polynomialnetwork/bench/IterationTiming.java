package polynomialnetwork.bench;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings.Method;
import java.util.Locale;

/**
 * Seconds per iteration of EP-ROM, AP-ROM-BK and AP-ROM-MBK for p = 100 … 1600 at m = 10·p·r,
 * r = 5, one thread, planted noiseless data. The first iteration is excluded (JIT warm-up); the
 * mean of the following ones is reported, with the growth exponent fitted in p.
 * Run with {@code scripts/iteration-timing.sh [maxP]}.
 */
public final class IterationTiming {

  public static void main(String[] args) {
    int maxP = args.length > 0 ? Integer.parseInt(args[0]) : 1600;
    int r = 5;
    System.out.println("java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, 1 solver thread, kernel "
        + polynomialnetwork.engine.kernel.PassKernels.best().name());
    System.out.println();
    System.out.println("| p | m | EP-ROM s/it | AP-ROM-BK s/it | AP-ROM-MBK s/it |"
        + " EP / MBK | BK / MBK |");
    System.out.println("|---|---|---|---|---|---|---|");
    java.util.List<double[]> rows = new java.util.ArrayList<>();
    for (int p = 100; p <= maxP; p *= 2) {
      int m = 10 * p * r;
      PlantedProblem pp = PlantedProblem.spec().p(p).r(r).m(m).seed(1).build();
      double[] t = new double[3];
      Method[] methods = Method.values();
      for (int k = 0; k < methods.length; k++) {
        int iters = methods[k] == Method.AP_ROM_MBK ? 6 : (p >= 800 ? 3 : 5);
        t[k] = secondsPerIteration(pp, methods[k], r, iters);
      }
      rows.add(new double[] {p, t[0], t[1], t[2]});
      System.out.println(String.format(Locale.ROOT,
          "| %d | %d | %.4f | %.4f | %.4f | %.1f× | %.1f× |", p, m, t[0], t[1], t[2],
          t[0] / t[2], t[1] / t[2]));
      pp = null;
      System.gc();
    }
    System.out.println();
    String[] names = {"EP-ROM", "AP-ROM-BK", "AP-ROM-MBK"};
    for (int k = 0; k < 3; k++) {
      System.out.println(String.format(Locale.ROOT,
          "growth exponent in p (least-squares slope of log t on log p, m = 10pr): %s %.2f",
          names[k], slope(rows, k + 1)));
    }
  }

  static double secondsPerIteration(PlantedProblem pp, Method method, int r, int iters) {
    FitResult fit = InMemoryFit.fit(pp.data, PlantedProblem.singleRun().method(method).rank(r)
        .maxIterations(iters).tolerance(0).stagnationPatience(1000).seed(1));
    java.util.List<FitResult.IterationRecord> tr = fit.trace();
    // record i is taken after i updates: updates 2..iters span records 1..iters
    return (tr.get(tr.size() - 1).seconds - tr.get(1).seconds) / (tr.size() - 2);
  }

  static double slope(java.util.List<double[]> rows, int col) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = rows.size();
    for (double[] row : rows) {
      double x = Math.log(row[0]);
      double y = Math.log(row[col]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }
}
