package polynomialnetwork.engine.kernel;

/**
 * The data-pass kernel in plain Java, for any JVM ≥ 8 and for JVMs started without
 * {@code jdk.incubator.vector} (as Weka's launchers start them). HotSpot C2 (JDK 17) turns a
 * loop into SIMD code only when it is an element-wise loop over arrays indexed by the loop
 * counter alone: a reduction (a dot product) stays scalar, and so does an axpy that addresses
 * its arrays at an offset (x[o + j]). Its {@link RowGroup} therefore copies each group of four
 * rows into arrays of their own before the output axpys ({@link CopiedRowGroup}, with the
 * measurement).
 */
final class PortablePassKernel extends PassKernel {

  @Override
  boolean copiesRows() {
    return true;
  }

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
