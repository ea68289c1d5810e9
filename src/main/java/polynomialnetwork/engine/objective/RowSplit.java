package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowFilter;

/**
 * Every row's two seeded split numbers: u, which decides its validation fold
 * ({@link RowSelection}), and v, its fresh-sampling batch. Both are hashes of the row's values
 * and target (rounded to float, so that rounding-level differences in the standardization do not
 * move a row), not of its position: identical rows (and a row of weight 2, which stands for two)
 * are never split between fitting and holding out, and rows added elsewhere do not move the
 * split. An objective keeps them in its per-row state ({@link RowSplitter}).
 */
public final class RowSplit {

  private RowSplit() {
  }

  /** {u, v} of every row of the block, for this seed. */
  public static double[][] numbers(RowBlock block, long seed) {
    int n = block.rows();
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      long h = rowHash(block, i, seed);
      u[i] = unit(h);
      v[i] = unit(mix(h ^ 0x2545F4914F6CDD1DL));
    }
    return new double[][] {u, v};
  }

  /**
   * The rows of the nested sample of fraction {@code fraction}: those whose third split number
   * w (a hash of the row like u and v, independent of both) is below the fraction. A sample of a
   * larger fraction contains it; which rows it holds does not depend on the blocks' layout.
   */
  public static RowFilter sample(long seed, double fraction) {
    return block -> {
      boolean[] keep = new boolean[block.rows()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = unit(mix(rowHash(block, i, seed) ^ 0x7A5B4C3D2E1F0A9BL)) < fraction;
      }
      return keep;
    };
  }

  /** The seeded hash of row i's values and target (rounded to float). */
  private static long rowHash(RowBlock block, int i, long seed) {
    int p = block.cols();
    double[] x = block.values();
    long h = mix(seed ^ 0x5DEECE66DL);
    for (int j = 0; j < p; j++) {
      h = mix(h ^ Float.floatToIntBits((float) x[i * p + j] + 0.0f));
    }
    return mix(h ^ Float.floatToIntBits((float) block.target(i) + 0.0f));
  }

  /** A hash's top 53 bits as a number in [0, 1). */
  private static double unit(long h) {
    return (h >>> 11) / (double) (1L << 53);
  }

  /**
   * Adds to {@code counts[k]} the rows that validation run k of {@code runs} holds out (each a
   * fraction {@code fraction}), and to {@code counts[runs]} the rows.
   */
  static void count(double[] u, double fraction, int runs, long[] counts) {
    for (double ui : u) {
      for (int k = 0; k < runs; k++) {
        if (RowSelection.heldOut(ui, k, runs, fraction)) {
          counts[k]++;
        }
      }
    }
    counts[runs] += u.length;
  }

  /** The splitmix64 finaliser: a cheap hash with good avalanche. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
