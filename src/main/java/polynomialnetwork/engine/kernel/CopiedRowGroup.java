package polynomialnetwork.engine.kernel;

/**
 * The {@link RowGroup} of {@link PortablePassKernel}: the four rows are copied into arrays of
 * their own, so that the output axpys index every array by the loop counter alone, the form
 * HotSpot C2 (JDK 17) compiles to SIMD code; with the rows addressed at an offset into the
 * block (x[o + j]) it keeps them scalar. Measured on one core of an AMD EPYC (AVX-512, JDK 17),
 * a whole fused pass (t = Bᵀx, then Σ_q s_q x_q into k columns) ran at
 *
 * <pre>
 *   m × p × k         rows in place   rows copied
 *   10000 × 100 × 5     6.9 GFLOP/s    14.0 GFLOP/s
 *   20000 × 200 × 5     8.4            12.4
 *   20000 × 200 × 11    8.9            13.8
 *   20000 × 1000 × 20   9.1            14.7
 * </pre>
 *
 * The copy costs one memcpy of the four rows per pass. t = Bᵀx, a dot product per row and
 * column, stays scalar either way (C2 does not vectorize floating-point reductions), so it reads
 * the rows in the block, through the kernel's own loops: that measured a little faster than
 * reading the copies ({@code scripts/data-pass-benchmark.sh}, one thread, two runs each:
 * 100000 × 1000 × 20 at 15.9–16.0 against 14.7–14.8 GFLOP/s, 20000 × 200 × 10 at 13.7–13.9
 * against 13.4). Transposing the rows so that t, too, becomes a loop of axpys measured no faster
 * at k ≤ 11.
 */
final class CopiedRowGroup extends RowGroup {

  private final PassKernel kernel;
  private double[] block;
  private int offset;
  private final double[] x0;
  private final double[] x1;
  private final double[] x2;
  private final double[] x3;

  CopiedRowGroup(PassKernel kernel, int p) {
    super(p);
    this.kernel = kernel;
    x0 = new double[p];
    x1 = new double[p];
    x2 = new double[p];
    x3 = new double[p];
  }

  @Override
  public void load(double[] blk, int o) {
    block = blk;
    offset = o;
    System.arraycopy(blk, o, x0, 0, p);
    System.arraycopy(blk, o + p, x1, 0, p);
    System.arraycopy(blk, o + 2 * p, x2, 0, p);
    System.arraycopy(blk, o + 3 * p, x3, 0, p);
  }

  /**
   * t = Bᵀx from the block itself: a dot product is scalar code whether its rows are copied or
   * not, so the kernel's in-place loops serve (the same arithmetic, in the same order).
   */
  @Override
  public void project(double[][] b, int k, double[] t) {
    kernel.project4(block, offset, p, b, k, t);
  }

  /** Two loops: one loop storing into both z and y measured slower (not vectorized). */
  @Override
  public void accumulate2(double s0, double s1, double s2, double s3, double[] z, double u0,
      double u1, double u2, double u3, double[] y) {
    accumulate(s0, s1, s2, s3, z);
    accumulate(u0, u1, u2, u3, y);
  }

  @Override
  public void accumulate(double s0, double s1, double s2, double s3, double[] z) {
    final double[] a = x0;
    final double[] b = x1;
    final double[] c = x2;
    final double[] d = x3;
    for (int j = 0; j < p; j++) {
      z[j] += (s0 * a[j] + s1 * b[j]) + (s2 * c[j] + s3 * d[j]);
    }
  }
}
