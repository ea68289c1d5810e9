package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.kernel.PassKernel;
import polynomialnetwork.engine.kernel.PassKernels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tiled O(n·p²) kernels of EP-ROM / AP-ROM-BK (forming G, the quadratic forms xᵀGx) against
 * their definitions, for both pass kernels.
 */
class DenseKernelsTest {

  /** p below, at and across the tile sizes and vector widths; n leaves remainders. */
  private static final int[] SIZES = {3, 37, 64, 65, 300, 531};

  private static PassKernel[] kernels() {
    PassKernel v = PassKernels.vector();
    return v == null ? new PassKernel[] {PassKernels.portable()}
        : new PassKernel[] {PassKernels.portable(), v};
  }

  @Test
  void vectorKernelIsAvailableUnderSurefire() {
    assertNotNull(PassKernels.vector(), "surefire runs with --add-modules jdk.incubator.vector");
  }

  @Test
  void tiledGramEqualsDefinition() {
    for (int p : SIZES) {
      Random rng = new Random(p);
      int n = p == 65 ? 3 * ExplicitGradient.CHUNK_ROWS + 5 : 23; // once across row chunks
      double[] x = gaussian(rng, n * p);
      double[] f = gaussian(rng, n);
      f[5] = 0;
      double[][] ref = new double[p][p];
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < p; a++) {
          for (int b = a; b < p; b++) {
            ref[a][b] += f[i] * x[i * p + a] * x[i * p + b];
          }
        }
      }
      for (PassKernel k : kernels()) {
        double[][] g = new double[p][p];
        ExplicitGradient.addRows(g, x, n, p, f, k);
        for (int a = 0; a < p; a++) {
          for (int b = 0; b < p; b++) {
            assertEquals(b < a ? 0 : ref[a][b], g[a][b], 1e-12 * (1 + Math.abs(ref[a][b])),
                k.name() + " p=" + p + " (" + a + "," + b + ")");
          }
        }
      }
    }
  }

  @Test
  void tiledQuadraticFormsEqualDefinition() {
    for (int p : SIZES) {
      Random rng = new Random(31 + p);
      int n = 22;
      double[] x = gaussian(rng, n * p);
      double[][] g = new double[p][p];
      for (int a = 0; a < p; a++) {
        for (int b = 0; b <= a; b++) {
          g[a][b] = rng.nextGaussian();
          g[b][a] = g[a][b];
        }
      }
      double[] ref = new double[n];
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < p; a++) {
          for (int b = 0; b < p; b++) {
            ref[i] += x[i * p + a] * g[a][b] * x[i * p + b];
          }
        }
      }
      for (PassKernel k : kernels()) {
        double[] q = StepGram.quadraticForms(g, x, n, p, k);
        for (int i = 0; i < n; i++) {
          assertEquals(ref[i], q[i], 1e-11 * p, k.name() + " p=" + p + " row " + i);
        }
      }
    }
  }

  @Test
  void kernelsAgreeOnDotRanges() {
    Random rng = new Random(7);
    int p = 41;
    double[] blk = gaussian(rng, 4 * p);
    double[] z = gaussian(rng, p);
    PassKernel[] ks = kernels();
    for (int from = 0; from < p; from += 5) {
      for (int to = from; to <= p; to += 3) {
        double[] ref = new double[4];
        for (int r = 0; r < 4; r++) {
          for (int j = from; j < to; j++) {
            ref[r] += blk[r * p + j] * z[j];
          }
        }
        for (PassKernel k : ks) {
          double[] dots = new double[4];
          k.dot4(blk, 0, p, from, to, z, dots);
          assertArrayEquals(ref, dots, 1e-13, k.name());
        }
      }
    }
  }

  private static double[] gaussian(Random rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }
}
