package polynomialnetwork.engine;

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
 * column, stays scalar either way (C2 does not vectorize floating-point reductions).
 * Transposing the rows so that t, too, becomes a loop of axpys measured no faster at k ≤ 11.
 */
final class CopiedRowGroup extends RowGroup {

  private final double[] x0;
  private final double[] x1;
  private final double[] x2;
  private final double[] x3;

  CopiedRowGroup(int p) {
    super(p);
    x0 = new double[p];
    x1 = new double[p];
    x2 = new double[p];
    x3 = new double[p];
  }

  @Override
  public void load(double[] blk, int o) {
    System.arraycopy(blk, o, x0, 0, p);
    System.arraycopy(blk, o + p, x1, 0, p);
    System.arraycopy(blk, o + 2 * p, x2, 0, p);
    System.arraycopy(blk, o + 3 * p, x3, 0, p);
  }

  /** Four rows × two columns per sweep: 8 independent sums, each load serving two or four. */
  @Override
  public void project(double[][] b, int k, double[] t) {
    int c = 0;
    for (; c + 2 <= k; c += 2) {
      final double[] u = b[c];
      final double[] v = b[c + 1];
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      double e0 = 0;
      double e1 = 0;
      double e2 = 0;
      double e3 = 0;
      for (int j = 0; j < p; j++) {
        final double uj = u[j];
        final double vj = v[j];
        a0 += x0[j] * uj;
        a1 += x1[j] * uj;
        a2 += x2[j] * uj;
        a3 += x3[j] * uj;
        e0 += x0[j] * vj;
        e1 += x1[j] * vj;
        e2 += x2[j] * vj;
        e3 += x3[j] * vj;
      }
      t[c] = a0;
      t[k + c] = a1;
      t[2 * k + c] = a2;
      t[3 * k + c] = a3;
      t[c + 1] = e0;
      t[k + c + 1] = e1;
      t[2 * k + c + 1] = e2;
      t[3 * k + c + 1] = e3;
    }
    if (c < k) {
      final double[] u = b[c];
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      for (int j = 0; j < p; j++) {
        final double uj = u[j];
        a0 += x0[j] * uj;
        a1 += x1[j] * uj;
        a2 += x2[j] * uj;
        a3 += x3[j] * uj;
      }
      t[c] = a0;
      t[k + c] = a1;
      t[2 * k + c] = a2;
      t[3 * k + c] = a3;
    }
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
