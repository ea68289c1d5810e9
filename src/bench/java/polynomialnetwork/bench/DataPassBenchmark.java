package polynomialnetwork.bench;

import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.kernel.PassKernel;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.kernel.TargetWeightedProducts;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fused data pass alone, Z = Xᵀ diag(d) X B (the matrix-free Krylov product): GFLOP/s
 * (4·m·p·k flops: 2·m·p·k for t = Bᵀx_i and 2·m·p·k for Z += x_i s_iᵀ) and GB/s (8·m·p bytes of
 * X read) per kernel and thread count, best of 7 after 3 warm-up passes. One-thread runs also
 * report GFLOP/s by the thread's CPU time, which other processes on a shared machine disturb
 * less than wall time. Run with {@code scripts/data-pass-benchmark.sh}.
 */
public final class DataPassBenchmark {

  public static void main(String[] args) {
    int[][] shapes = {{20_000, 500, 10}, {100_000, 1000, 20}};
    if (args.length > 0) { // shapes as m,p,k arguments, e.g. 10000,100,5
      shapes = new int[args.length][];
      for (int a = 0; a < args.length; a++) {
        String[] f = args[a].split(",");
        shapes[a] = new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1]),
            Integer.parseInt(f[2])};
      }
    }
    System.out.println("java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores; vector kernel: "
        + (PassKernels.vector() == null ? "absent (start the JVM with --add-modules "
            + "jdk.incubator.vector)" : PassKernels.vector().name()));
    System.out.println("cpu: " + cpuModel() + "; os.arch " + System.getProperty("os.arch")
        + "; jvm flags: " + java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getInputArguments());
    System.out.println();
    System.out.println("| m | p | k | kernel | threads | ms/pass | GFLOP/s | GFLOP/s by CPU time"
        + " | GB/s | speed-up vs portable 1 thread |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int[] sh : shapes) {
        run(sh[0], sh[1], sh[2], pool);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String cpuModel() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return "unknown";
  }

  static void run(int m, int p, int k, ExecutorService pool) {
    Random rng = new Random(1);
    DesignMatrix.Builder b = new DesignMatrix.Builder(p, m);
    double[] row = new double[p];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < p; j++) {
        row[j] = rng.nextGaussian();
      }
      b.addRow(row, rng.nextGaussian(), 1); // the target stands in for the residual d
    }
    DesignMatrix x = b.build(false);
    final double[][] in = new double[k][p];
    for (double[] c : in) {
      for (int j = 0; j < p; j++) {
        c[j] = rng.nextGaussian();
      }
    }
    double base = Double.NaN;
    PassKernel[] kernels = PassKernels.vector() == null ? new PassKernel[] {PassKernels.portable()}
        : new PassKernel[] {PassKernels.portable(), PassKernels.vector()};
    for (PassKernel kernel : kernels) {
      for (int threads = 1; threads <= 2; threads++) {
        ThreadedRowBlocks pass = new ThreadedRowBlocks(x, threads);
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        java.lang.management.ThreadMXBean mx =
            java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 10; rep++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          TargetWeightedProducts.run(pass, in, kernel);
          double s = (System.nanoTime() - t0) / 1e9;
          double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
          if (rep >= 3) {
            best = Math.min(best, s);
            bestCpu = Math.min(bestCpu, cpu);
          }
        }
        if (Double.isNaN(base)) {
          base = best;
        }
        double gflops = 4.0 * m * p * k / best / 1e9;
        double gbs = 8.0 * m * p / best / 1e9;
        System.out.println(String.format(Locale.ROOT,
            "| %d | %d | %d | %s | %d | %.1f | %.1f | %s | %.1f | %.2f× |", m, p, k,
            kernel.name(), threads, best * 1e3, gflops, threads == 1 ? String.format(Locale.ROOT,
                "%.1f", 4.0 * m * p * k / bestCpu / 1e9) : "—", gbs, base / best));
        pass.close();
      }
    }
  }
}
