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
    DesignMatrix.Builder b = new DesignMatrix.Builder(P, M);
    double[] row = new double[P];
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < P; j++) {
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
    double[][] out = new double[in.length + 1][];
    for (int c = 0; c < in.length; c++) {
      out[c] = new double[P];
    }
    out[in.length] = new double[1];
    for (int i = 0; i < M; i++) {
      double[] xi = x.row(i);
      for (int c = 0; c < in.length; c++) {
        double t = Linalg.dot(xi, in[c]);
        if (c == 0) {
          out[in.length][0] += d[i] * t;
        }
        for (int j = 0; j < P; j++) {
          out[c][j] += d[i] * t * xi[j];
        }
      }
    }
    return out;
  }

  @Test
  void kernelsAgreeWithDefinitionForEveryWidthAndThreadCount() {
    Random rng = new Random(1);
    DesignMatrix x = randomData(rng);
    double[] d = new double[M];
    for (int i = 0; i < M; i++) {
      d[i] = rng.nextGaussian();
    }
    PassKernel vector = PassKernel.vector();
    assertNotNull(vector, "the tests run with --add-modules jdk.incubator.vector (pom.xml)");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int k : new int[] {1, 2, 3, 6}) {
        double[][] in = new double[k][P];
        for (double[] c : in) {
          for (int j = 0; j < P; j++) {
            c[j] = rng.nextGaussian();
          }
        }
        double[][] ref = reference(x, in, d);
        for (PassKernel kernel : new PassKernel[] {PassKernel.portable(), vector}) {
          for (int threads : new int[] {1, 2}) {
            RowBlockPass pass = new RowBlockPass(x, threads == 1 ? null : pool, threads, kernel);
            double[][] got = gradientProducts(pass, in, d);
            for (int c = 0; c < ref.length; c++) {
              for (int j = 0; j < ref[c].length; j++) {
                assertEquals(ref[c][j], got[c][j], 1e-10 * (1 + Math.abs(ref[c][j])),
                    kernel.name() + " k=" + k + " threads=" + threads);
              }
            }
          }
        }
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
