package polynomialnetwork.engine;

/**
 * The pass that gives every row its two seeded hash numbers (kept in its {@link RowState}): u,
 * which decides its validation fold ({@link RowSelection}), and v, its fresh-sampling batch.
 * Both are hashes of the row's values and target (rounded to float, so that rounding-level
 * differences in the standardization do not move a row), not of its position: identical rows
 * (and a row of weight 2, which stands for two) are never split between fitting and holding
 * out, and rows added elsewhere do not move the split. Returns, for the validation fraction f and
 * n runs, the number of rows each fold holds out, and the number of rows (last entry).
 */
final class SplitHashes implements BlockAggregator<long[]> {

  private static final long serialVersionUID = 1L;

  private final long seed;
  private final double fraction;
  private final int runs;

  SplitHashes(long seed, double fraction, int runs) {
    this.seed = seed;
    this.fraction = fraction;
    this.runs = runs;
  }

  @Override
  public long[] zero() {
    return new long[runs + 1];
  }

  @Override
  public boolean updatesState() {
    return true;
  }

  @Override
  public long[] add(long[] acc, RowBlock block, RowState state) {
    int n = block.rows();
    int p = block.cols();
    double[] x = block.values();
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      long h = mix(seed ^ 0x5DEECE66DL);
      for (int j = 0; j < p; j++) {
        h = mix(h ^ Float.floatToIntBits((float) x[i * p + j] + 0.0f));
      }
      h = mix(h ^ Float.floatToIntBits((float) block.target(i) + 0.0f));
      u[i] = (h >>> 11) / (double) (1L << 53);
      v[i] = (mix(h ^ 0x2545F4914F6CDD1DL) >>> 11) / (double) (1L << 53);
      for (int k = 0; k < runs; k++) {
        if (RowSelection.heldOut(u[i], k, runs, fraction)) {
          acc[k]++;
        }
      }
    }
    acc[runs] += n;
    state.split = u;
    state.batch = v;
    return acc;
  }

  @Override
  public long[] merge(long[] acc, long[] other) {
    for (int k = 0; k < acc.length; k++) {
      acc[k] += other[k];
    }
    return acc;
  }

  /** The splitmix64 finaliser: a cheap hash with good avalanche. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
