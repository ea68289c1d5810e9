package polynomialnetwork.engine.kernel;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.objective.RowSelection;
import polynomialnetwork.engine.objective.SquaredLoss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
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
    PassKernel vector = PassKernels.vector();
    assertNotNull(vector, "the tests run with --add-modules jdk.incubator.vector (pom.xml)");
    {
      for (int p : new int[] {3, 8, P}) {
        DesignMatrix x = randomData(rng, p);
        double[] d = x.target();
        for (int k = 1; k <= 7; k++) {
          double[][] in = new double[k][p];
          for (double[] c : in) {
            for (int j = 0; j < p; j++) {
              c[j] = rng.nextGaussian();
            }
          }
          double[][] ref = reference(x, in, d);
          for (PassKernel kernel : new PassKernel[] {PassKernels.portable(), vector}) {
            for (int threads : new int[] {1, 2}) {
              double[][] got;
              try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, threads)) {
                got = TargetWeightedProducts.run(blocks, in, kernel);
              }
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
    }
  }

  /**
   * The portable kernel's copied rows do the same arithmetic in the same order as reading the
   * rows in place: the copy changes the machine code (SIMD), not a single rounding.
   */
  @Test
  void copiedRowGroupMatchesInPlaceBitForBit() {
    Random rng = new Random(5);
    for (int p : new int[] {3, 8, P}) {
      double[] blk = new double[4 * p];
      for (int j = 0; j < blk.length; j++) {
        blk[j] = rng.nextGaussian();
      }
      for (int k = 1; k <= 5; k++) {
        double[][] b = new double[k][p];
        for (double[] c : b) {
          for (int j = 0; j < p; j++) {
            c[j] = rng.nextGaussian();
          }
        }
        RowGroup copied = PassKernels.rowGroup(PassKernels.portable(), p);
        RowGroup inPlace = new InPlaceRowGroup(PassKernels.portable(), p);
        double[][] z = new double[2][p];
        double[][] y = new double[2][p];
        double[][] t = new double[2][4 * k];
        RowGroup[] groups = {copied, inPlace};
        for (int g = 0; g < 2; g++) {
          groups[g].load(blk, 0);
          groups[g].project(b, k, t[g]);
          groups[g].accumulate2(t[g][0], t[g][k], t[g][2 * k], t[g][3 * k], z[g], 0.5, -1, 2,
              0.25, y[g]);
          groups[g].accumulate(1, 2, 3, 4, z[g]);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(t[1], t[0], 0.0, "t, p=" + p);
        org.junit.jupiter.api.Assertions.assertArrayEquals(z[1], z[0], 0.0, "z, p=" + p);
        org.junit.jupiter.api.Assertions.assertArrayEquals(y[1], y[0], 0.0, "y, p=" + p);
      }
    }
  }

  /** A pass that throws in one block, run on 2 threads: the error reaches the caller. */
  @Test
  void failureInARangeReachesTheCaller() {
    DesignMatrix x = randomData(new Random(3));
    for (final int failBlock : new int[] {0, x.blockCount() - 1}) { // the caller's, the pool's
      final RowBlock failing = x.rowBlock(failBlock);
      try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, 2)) {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> blocks.aggregate(new BlockAggregator<int[]>() {
              @Override
              public int[] zero() {
                return new int[1];
              }

              @Override
              public int[] add(int[] acc, RowBlock block, BlockState state) {
                if (block == failing) {
                  throw new IllegalStateException("block " + failBlock);
                }
                return acc;
              }

              @Override
              public int[] merge(int[] acc, int[] other) {
                return acc;
              }
            }));
        assertEquals("block " + failBlock, e.getMessage());
      }
    }
  }

  @Test
  void explicitGradientAgreesAcrossKernels() {
    Random rng = new Random(2);
    DesignMatrix x = randomData(rng);
    FactoredSymmetric zero = FactoredSymmetric.zero(P);
    DenseSymmetricMatrix a;
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, 1)) {
      a = new SquaredLoss(blocks).evaluate(zero, new double[P], 0.3, RowSelection.ALL, null)
          .gradient.formExplicit();
    }
    // the same sum by definition, Σ w d x xᵀ / 2W − (Σ w d / 2W) I
    double[][] ref = new double[P][P];
    double sw = 0;
    double swd = 0;
    for (int i = 0; i < x.rows(); i++) {
      double w = x.weight(i);
      double wd = w * (0.3 - x.target()[i]);
      double[] xi = x.row(i);
      sw += w;
      swd += wd;
      for (int j = 0; j < P; j++) {
        for (int l = 0; l < P; l++) {
          ref[j][l] += wd * xi[j] * xi[l];
        }
      }
    }
    for (int i = 0; i < P; i++) {
      for (int j = 0; j < P; j++) {
        double want = (ref[i][j] - (i == j ? swd : 0)) / (2 * sw);
        assertEquals(want, a.get(i, j), 1e-12 * (1 + Math.abs(want)));
        assertEquals(a.get(i, j), a.get(j, i), 0.0);
      }
    }
  }
}
