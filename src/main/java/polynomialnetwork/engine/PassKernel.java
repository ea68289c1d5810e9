package polynomialnetwork.engine;

/**
 * The two inner loops of every data pass, over a group of four consecutive rows of a row-major
 * block (doc/algorithms.md §9): {@link #project4} computes t = Bᵀx for the four rows (four rows
 * share each load of a B column, two columns share each load of a row), {@link #accumulate4}
 * adds Σ_r s_r x_r into an output column (an axpy over p).
 *
 * <p>{@link #portable()} is plain Java that HotSpot compiles to scalar (pass 1) and SIMD (pass 2)
 * code on any JVM ≥ 8. When the JVM runs with {@code --add-modules jdk.incubator.vector}, {@link
 * #best()} returns the Vector API kernel instead (compiled separately for Java 17, loaded by name
 * so that this class still loads on Java 8). {@code -Dpolynomialnetwork.kernel=portable} forces
 * the portable one.
 */
public abstract class PassKernel {

  private static final PassKernel PORTABLE = new Portable();
  private static final PassKernel BEST = selectBest();

  /** t[r·k + c] = x_rᵀ b[c] for the rows r = 0..3 starting at {@code o} (row stride p). */
  public abstract void project4(double[] blk, int o, int p, double[][] b, int k, double[] t);

  /** z[j] += Σ_r s_r x_r[j] for j in [from, p), rows r = 0..3 starting at {@code o}. */
  public abstract void accumulate4(double[] blk, int o, int p, int from, double s0, double s1,
      double s2, double s3, double[] z);

  /**
   * Two output columns at once: z[j] += Σ_r s_r x_r[j] and y[j] += Σ_r u_r x_r[j], so that each
   * load of the four rows serves both. The default calls {@link #accumulate4} twice.
   */
  public void accumulate4x2(double[] blk, int o, int p, double s0, double s1, double s2,
      double s3, double[] z, double u0, double u1, double u2, double u3, double[] y) {
    accumulate4(blk, o, p, 0, s0, s1, s2, s3, z);
    accumulate4(blk, o, p, 0, u0, u1, u2, u3, y);
  }

  /**
   * The range form of {@link #accumulate4} for the tiled p×p passes (ExplicitGradient,
   * StepGram): z[j] += Σ_r s_r x_r[j] for j in [from, to), rows r = 0..3 starting at {@code o}
   * with row stride {@code stride}; the same arithmetic per element as {@link #accumulate4}.
   */
  public void accumulate4(double[] blk, int o0, int stride, int from, int to, double s0,
      double s1, double s2, double s3, double[] z) {
    int o1 = o0 + stride;
    int o2 = o1 + stride;
    int o3 = o2 + stride;
    for (int j = from; j < to; j++) {
      z[j] += (s0 * blk[o0 + j] + s1 * blk[o1 + j]) + (s2 * blk[o2 + j] + s3 * blk[o3 + j]);
    }
  }

  /**
   * Four dot products over a column range, for the tiled quadratic forms x_rᵀGx_r of StepGram:
   * out[r] = Σ_{j in [from, to)} x_r[j]·z[j], rows r = 0..3 starting at {@code o} (row stride
   * {@code stride}).
   */
  public void dot4(double[] blk, int o0, int stride, int from, int to, double[] z,
      double[] out) {
    int o1 = o0 + stride;
    int o2 = o1 + stride;
    int o3 = o2 + stride;
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    for (int j = from; j < to; j++) {
      double zj = z[j];
      a0 += blk[o0 + j] * zj;
      a1 += blk[o1 + j] * zj;
      a2 += blk[o2 + j] * zj;
      a3 += blk[o3 + j] * zj;
    }
    out[0] = a0;
    out[1] = a1;
    out[2] = a2;
    out[3] = a3;
  }

  /** A short name for reports. */
  public abstract String name();

  public static PassKernel portable() {
    return PORTABLE;
  }

  /** The fastest kernel this JVM can run. */
  public static PassKernel best() {
    return BEST;
  }

  /** The Vector API kernel, or null when the module is not present. */
  public static PassKernel vector() {
    return BEST == PORTABLE ? loadVector() : BEST;
  }

  private static PassKernel selectBest() {
    if ("portable".equals(System.getProperty("polynomialnetwork.kernel"))) {
      return PORTABLE;
    }
    PassKernel v = loadVector();
    return v != null ? v : PORTABLE;
  }

  private static PassKernel loadVector() {
    try {
      Class.forName("jdk.incubator.vector.DoubleVector");
      return (PassKernel) Class.forName("polynomialnetwork.engine.vector.VectorPassKernel")
          .getDeclaredConstructor().newInstance();
    } catch (Throwable e) { // absent module, older JVM (UnsupportedClassVersionError), ...
      return null;
    }
  }

  /** Scalar t = Bᵀx for one row (group remainders). */
  static void project1(double[] blk, int o, int p, double[][] b, int k, double[] t) {
    for (int c = 0; c < k; c++) {
      double[] bc = b[c];
      double a0 = 0;
      double a1 = 0;
      int j = 0;
      for (; j + 2 <= p; j += 2) {
        a0 += blk[o + j] * bc[j];
        a1 += blk[o + j + 1] * bc[j + 1];
      }
      if (j < p) {
        a0 += blk[o + j] * bc[j];
      }
      t[c] = a0 + a1;
    }
  }

  /** z[j] += s·x[j] for j in [from, p), one row (group remainders). */
  static void accumulate1(double[] blk, int o, int p, int from, double s, double[] z) {
    for (int j = from; j < p; j++) {
      z[j] += s * blk[o + j];
    }
  }

  private static final class Portable extends PassKernel {
    @Override
    public void project4(double[] blk, int o0, int p, double[][] b, int k, double[] t) {
      int o1 = o0 + p;
      int o2 = o1 + p;
      int o3 = o2 + p;
      int c = 0;
      for (; c + 2 <= k; c += 2) {
        double[] u = b[c];
        double[] v = b[c + 1];
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double e0 = 0;
        double e1 = 0;
        double e2 = 0;
        double e3 = 0;
        for (int j = 0; j < p; j++) {
          double uj = u[j];
          double vj = v[j];
          double x0 = blk[o0 + j];
          double x1 = blk[o1 + j];
          double x2 = blk[o2 + j];
          double x3 = blk[o3 + j];
          a0 += x0 * uj;
          a1 += x1 * uj;
          a2 += x2 * uj;
          a3 += x3 * uj;
          e0 += x0 * vj;
          e1 += x1 * vj;
          e2 += x2 * vj;
          e3 += x3 * vj;
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
        double[] u = b[c];
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        for (int j = 0; j < p; j++) {
          double uj = u[j];
          a0 += blk[o0 + j] * uj;
          a1 += blk[o1 + j] * uj;
          a2 += blk[o2 + j] * uj;
          a3 += blk[o3 + j] * uj;
        }
        t[c] = a0;
        t[k + c] = a1;
        t[2 * k + c] = a2;
        t[3 * k + c] = a3;
      }
    }

    @Override
    public void accumulate4(double[] blk, int o0, int p, int from, double s0, double s1,
        double s2, double s3, double[] z) {
      int o1 = o0 + p;
      int o2 = o1 + p;
      int o3 = o2 + p;
      for (int j = from; j < p; j++) {
        z[j] += (s0 * blk[o0 + j] + s1 * blk[o1 + j]) + (s2 * blk[o2 + j] + s3 * blk[o3 + j]);
      }
    }

    @Override
    public String name() {
      return "portable";
    }
  }
}
