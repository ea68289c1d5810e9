package polynomialnetwork.engine;

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

  /** p below, at and across the tile sizes; n leaves a remainder after the groups of four. */
  private static final int[] SIZES = {3, 37, 64, 65, 300, 531};

  private static PassKernel[] kernels() {
    PassKernel v = PassKernel.vector();
    return v == null ? new PassKernel[] {PassKernel.portable()}
        : new PassKernel[] {PassKernel.portable(), v};
  }

  @Test
  void vectorKernelIsAvailableUnderSurefire() {
    assertNotNull(PassKernel.vector(), "surefire runs with --add-modules jdk.incubator.vector");
  }

  @Test
  void tiledGramEqualsDefinition() {
    for (int p : SIZES) {
      Random rng = new Random(p);
      int n = 23;
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
  void kernelsAgreeOnRanges() {
    Random rng = new Random(7);
    int p = 41;
    double[] blk = gaussian(rng, 4 * p);
    double[] z = gaussian(rng, p);
    PassKernel[] ks = kernels();
    for (int from = 0; from < p; from += 5) {
      for (int to = from; to <= p; to += 3) {
        double[] ref = z.clone();
        double[] refDots = new double[4];
        ks[0].accumulate4(blk, 0, p, from, to, 0.5, -1, 2, 0.25, ref);
        ks[0].dot4(blk, 0, p, from, to, z, refDots);
        for (PassKernel k : ks) {
          double[] out = z.clone();
          k.accumulate4(blk, 0, p, from, to, 0.5, -1, 2, 0.25, out);
          assertArrayEquals(ref, out, 1e-14, k.name());
          for (int j = 0; j < p; j++) {
            if (j < from || j >= to) {
              assertEquals(z[j], out[j], 0.0, "outside the range");
            }
          }
          double[] dots = new double[4];
          k.dot4(blk, 0, p, from, to, z, dots);
          assertArrayEquals(refDots, dots, 1e-13, k.name());
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
