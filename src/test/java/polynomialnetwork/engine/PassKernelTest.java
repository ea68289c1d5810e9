package polynomialnetwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The portable and the Vector API kernel give the same passes, to rounding. */
class PassKernelTest {

  /** Odd sizes on purpose: row groups and vector lanes both leave remainders. */
  private static final int M = 2 * DesignMatrix.DEFAULT_BLOCK_ROWS + 7;
  private static final int P = 37;

  private static DesignMatrix randomData(Random rng) {
    return randomData(rng, P);
  }

  private static DesignMatrix randomData(Random rng, int p) {
    DesignMatrix.Builder b = new DesignMatrix.Builder(p, M);
    double[] row = new double[p];
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < p; j++) {
        row[j] = rng.nextGaussian();
      }
      b.addRow(row, rng.nextGaussian(), 0.5 + rng.nextDouble());
    }
    return b.build(true);
  }

  private static double[][] gradientProducts(RowBlockPass pass, double[][] in, double[] d) {
    RowKernel k = (i, t, tOff, out, oOff, acc) -> {
      for (int c = 0; c < in.length; c++) {
        out[oOff + c] = d[i] * t[tOff + c];
      }
      acc[0] += d[i] * t[tOff];
    };
    RowBlockPass.Result r = pass.run(in, k, in.length, 1);
    double[][] res = new double[in.length + 1][];
    System.arraycopy(r.out, 0, res, 0, in.length);
    res[in.length] = r.scalars;
    return res;
  }

  /** Reference by definition: Σ_i d_i x_i (x_iᵀ b_c), straight loops. */
  private static double[][] reference(DesignMatrix x, double[][] in, double[] d) {
    int p = x.cols();
    double[][] out = new double[in.length + 1][];
    for (int c = 0; c < in.length; c++) {
      out[c] = new double[p];
    }
    out[in.length] = new double[1];
    for (int i = 0; i < M; i++) {
      double[] xi = x.row(i);
      for (int c = 0; c < in.length; c++) {
        double t = Linalg.dot(xi, in[c]);
        if (c == 0) {
          out[in.length][0] += d[i] * t;
        }
        for (int j = 0; j < p; j++) {
          out[c][j] += d[i] * t * xi[j];
        }
      }
    }
    return out;
  }

  /**
   * Widths k = 1..7 (column pairs and an odd last column), and p below, at and off the vector
   * lane count (3 < 4 lanes; 8 = two 256-bit vectors; 37 leaves a scalar tail), against the
   * definition, for both kernels and 1 and 2 threads.
   */
  @Test
  void kernelsAgreeWithDefinitionForEveryWidthAndThreadCount() {
    Random rng = new Random(1);
    PassKernel vector = PassKernel.vector();
    assertNotNull(vector, "the tests run with --add-modules jdk.incubator.vector (pom.xml)");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int p : new int[] {3, 8, P}) {
        DesignMatrix x = randomData(rng, p);
        double[] d = new double[M];
        for (int i = 0; i < M; i++) {
          d[i] = rng.nextGaussian();
        }
        for (int k = 1; k <= 7; k++) {
          double[][] in = new double[k][p];
          for (double[] c : in) {
            for (int j = 0; j < p; j++) {
              c[j] = rng.nextGaussian();
            }
          }
          double[][] ref = reference(x, in, d);
          for (PassKernel kernel : new PassKernel[] {PassKernel.portable(), vector}) {
            for (int threads : new int[] {1, 2}) {
              RowBlockPass pass = new RowBlockPass(x, threads == 1 ? null : pool, threads,
                  kernel);
              double[][] got = gradientProducts(pass, in, d);
              for (int c = 0; c < ref.length; c++) {
                for (int j = 0; j < ref[c].length; j++) {
                  assertEquals(ref[c][j], got[c][j], 1e-10 * (1 + Math.abs(ref[c][j])),
                      kernel.name() + " p=" + p + " k=" + k + " threads=" + threads);
                }
              }
            }
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A pass whose row kernel throws, run on 2 threads: the error reaches the caller. */
  @Test
  void failureInARangeReachesTheCaller() {
    DesignMatrix x = randomData(new Random(3));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (final int failRow : new int[] {5, M - 3}) { // in the caller's range, in the pool's
        RowBlockPass pass = new RowBlockPass(x, pool, 2, PassKernel.best());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> pass.run(new double[][] {new double[P]},
                (i, t, tOff, out, oOff, acc) -> {
                  if (i == failRow) {
                    throw new IllegalStateException("row " + i);
                  }
                }, 0, 0));
        assertEquals("row " + failRow, e.getMessage());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void explicitGradientAgreesAcrossKernels() {
    Random rng = new Random(2);
    DesignMatrix x = randomData(rng);
    FactoredSymmetric zero = FactoredSymmetric.zero(P);
    DenseSymmetricMatrix a = DebiasedGradient.evaluate(new RowBlockPass(x, null, 1,
        PassKernel.portable()), zero, new double[P], 0.3, null, x.rowSquaredNorms())
        .gradient.formExplicit(null, 1);
    DenseSymmetricMatrix b = DebiasedGradient.evaluate(new RowBlockPass(x, null, 1,
        PassKernel.vector()), zero, new double[P], 0.3, null, x.rowSquaredNorms())
        .gradient.formExplicit(null, 1);
    for (int i = 0; i < P; i++) {
      for (int j = 0; j < P; j++) {
        assertEquals(a.get(i, j), b.get(i, j), 1e-12 * (1 + Math.abs(a.get(i, j))));
        assertEquals(a.get(i, j), a.get(j, i), 0.0);
      }
    }
  }
}
