package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.kernel.PassKernel;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.Linalg;
import com.github.fommil.netlib.F2jBLAS;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The two O(n·p²) kernels of EP-ROM / AP-ROM-BK on one row block of n = 1024 rows, one thread:
 * forming G += Σ f_i x_i x_iᵀ (upper triangle) and the quadratic forms x_iᵀGx_i of the step
 * search — the untiled loops they replace, the blocked ones (ExplicitGradient.addRows:
 * packed micro-tiles; StepGram.quadraticForms: L2 tiles) and F2J BLAS (dsyrk; dgemm + row dots). Min and median of the
 * repeats, GFLOP/s counting an FMA as 2 flops over the n·p²/2 (dsyrk: n·p(p+1)/2) useful FMAs.
 * Run with {@code scripts/dense-kernels.sh [p ...]}.
 */
public final class DenseKernelTiming {

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {400, 800, 1600}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int n = DesignMatrix.DEFAULT_BLOCK_ROWS;
    PassKernel simd = PassKernels.best();
    System.out.println("java " + System.getProperty("java.version") + ", kernel " + simd.name()
        + ", n = " + n + " rows per block, one thread");
    System.out.println("| p | kernel | min s | median s | GFLOP/s (min) | max rel. diff vs untiled |");
    System.out.println("|---|---|---|---|---|---|");
    F2jBLAS blas = new F2jBLAS();
    for (int p : sizes) {
      Random rng = new Random(p);
      double[] x = new double[n * p];
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextGaussian();
      }
      double[] f = new double[n];
      for (int i = 0; i < n; i++) {
        f[i] = rng.nextGaussian();
      }
      int reps = p <= 400 ? 9 : p <= 800 ? 7 : 5;
      double flops = (double) n * p * p; // 2 · n·p²/2
      double[][] ref = new double[p][p];
      untiledGram(ref, x, n, p, f, simd);
      // G formation
      double[][] g = new double[p][p];
      report(p, "G: untiled rank-4 loop (before)", time(reps, () -> untiledGram(new double[p][p], x, n, p, f, simd)), flops, 0);
      report(p, "G: micro-tiles (ExplicitGradient.addRows)", time(reps, () -> ExplicitGradient.addRows(new double[p][p], x, n, p, f, simd)), flops,
          diffUpper(ref, run(() -> ExplicitGradient.addRows(g, x, n, p, f, simd), g)));
      double[] c = new double[p * p];
      report(p, "G: F2J dsyrk (unweighted, same flops)", time(Math.min(reps, 2), () -> blas.dsyrk("U", "N", p, n, 1.0, x, p, 0.0, c, p)), flops, Double.NaN);
      // quadratic forms with a symmetric G
      double[][] gs = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = i; j < p; j++) {
          gs[i][j] = ref[i][j] / n;
          gs[j][i] = gs[i][j];
        }
      }
      double[] qref = untiledForms(gs, x, n, p);
      report(p, "xᵀGx: row-by-row dots (before)", time(reps, () -> untiledForms(gs, x, n, p)), 2 * flops, 0);
      double[][] holder = new double[1][];
      report(p, "xᵀGx: tiled upper triangle (StepGram.quadraticForms)", time(reps, () -> holder[0] = StepGram.quadraticForms(gs, x, n, p, simd)), flops,
          diffVec(qref, holder[0]));
      double[] gcol = new double[p * p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          gcol[i + j * p] = gs[i][j];
        }
      }
      double[] t = new double[p * n];
      report(p, "xᵀGx: F2J dgemm GX then dots", time(Math.min(reps, 2), () -> blas.dgemm("N", "N", p, n, p, 1.0, gcol, p, x, p, 0.0, t, p)), 2 * flops, Double.NaN);
    }
  }

  interface Body {
    void run();
  }

  static double[][] run(Body b, double[][] out) {
    b.run();
    return out;
  }

  static double[] time(int reps, Body b) {
    for (int w = 0; w < 3; w++) {
      b.run(); // warm-up: let C2 compile the kernels before timing
    }
    double[] t = new double[reps];
    for (int k = 0; k < reps; k++) {
      long t0 = System.nanoTime();
      b.run();
      t[k] = (System.nanoTime() - t0) * 1e-9;
    }
    Arrays.sort(t);
    return t;
  }

  static void report(int p, String name, double[] t, double flops, double diff) {
    System.out.println(String.format(Locale.ROOT, "| %d | %s | %.4f | %.4f | %.1f | %s |", p, name, t[0],
        t[t.length / 2], flops / t[0] * 1e-9, Double.isNaN(diff) ? "–" : String.format(Locale.ROOT, "%.1e", diff)));
  }

  /** The loop ExplicitGradient ran before tiling. */
  static void untiledGram(double[][] g, double[] blk, int n, int p, double[] wd, PassKernel simd) {
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      double f0 = wd[i];
      double f1 = wd[i + 1];
      double f2 = wd[i + 2];
      double f3 = wd[i + 3];
      int o0 = i * p;
      for (int a = 0; a < p; a++) {
        simd.accumulate4(blk, o0, p, a, f0 * blk[o0 + a], f1 * blk[o0 + p + a],
            f2 * blk[o0 + 2 * p + a], f3 * blk[o0 + 3 * p + a], g[a]);
      }
    }
    for (; i < n; i++) {
      int o = i * p;
      for (int a = 0; a < p; a++) {
        PassKernel.accumulate1(blk, o, p, a, wd[i] * blk[o + a], g[a]);
      }
    }
  }

  /** The loop StepGram ran before tiling. */
  static double[] untiledForms(double[][] dense, double[] x, int n, int p) {
    double[] q = new double[n];
    double[] row = new double[p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * p, row, 0, p);
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += row[j] * Linalg.dot(dense[j], row, p);
      }
      q[i] = s;
    }
    return q;
  }

  static double diffUpper(double[][] a, double[][] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = i; j < a.length; j++) {
        num = Math.max(num, Math.abs(a[i][j] - b[i][j]));
        den = Math.max(den, Math.abs(a[i][j]));
      }
    }
    return num / den;
  }

  static double diffVec(double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num = Math.max(num, Math.abs(a[i] - b[i]));
      den = Math.max(den, Math.abs(a[i]));
    }
    return num / den;
  }
}
