package polynomialnetwork.engine.kernel;

/**
 * The two inner loops of every data pass, over a group of four consecutive rows of a row-major
 * block (doc/algorithms.md §9): {@link #project4} computes t = Bᵀx for the four rows (four rows
 * share each load of a B column, two columns share each load of a row), {@link #accumulate4}
 * adds Σ_r s_r x_r into an output column (an axpy over p).
 *
 * <p>Two implementations: portable Java ({@link PortablePassKernel}) and the Vector API kernel
 * (in {@code kernel.vector}); {@link PassKernels} chooses.
 */
public abstract class PassKernel {

  /**
   * Whether a pass reads the rows of a group of four from copies of them ({@link CopiedRowGroup})
   * rather than in place through {@link #project4} and {@link #accumulate4x2}
   * ({@link InPlaceRowGroup}); see {@link PassKernels#rowGroup}.
   */
  boolean copiesRows() {
    return false;
  }

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

  /** Width w of the micro-tiles of {@link #rankUpdateTile} (columns of G per call). */
  public int tileWidth() {
    return 4;
  }

  /**
   * One 4 × w micro-tile of the rank-n update of ExplicitGradient, register-blocked (the
   * classical GEMM micro-kernel): G[a0+t][j0+u] += Σ_i sa[i][t]·xj[i][u] for t = 0..3,
   * u = 0..w−1 (w = {@link #tileWidth()}) with j0 + u ≥ a0 + t (upper triangle), over
   * {@code rows} packed rows: sa[i][t] = {@code sa[aOff + 4i + t]} (= f_i x_i[a0+t]) and
   * xj[i][u] = {@code xj[jOff + w·i + u]} (= x_i[j0+u]). The 4·w sums stay in registers over all
   * rows and G is touched once.
   */
  public void rankUpdateTile(double[] sa, int aOff, double[] xj, int jOff, int rows, int a0,
      int j0, double[][] g) {
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
    double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
    double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (int i = 0; i < rows; i++) {
      int oa = aOff + 4 * i;
      int oj = jOff + 4 * i;
      double s0 = sa[oa];
      double s1 = sa[oa + 1];
      double s2 = sa[oa + 2];
      double s3 = sa[oa + 3];
      double x0 = xj[oj];
      double x1 = xj[oj + 1];
      double x2 = xj[oj + 2];
      double x3 = xj[oj + 3];
      c00 += s0 * x0; c01 += s0 * x1; c02 += s0 * x2; c03 += s0 * x3;
      c10 += s1 * x0; c11 += s1 * x1; c12 += s1 * x2; c13 += s1 * x3;
      c20 += s2 * x0; c21 += s2 * x1; c22 += s2 * x2; c23 += s2 * x3;
      c30 += s3 * x0; c31 += s3 * x1; c32 += s3 * x2; c33 += s3 * x3;
    }
    addUpper(g, a0, j0, new double[][] {{c00, c01, c02, c03}, {c10, c11, c12, c13},
        {c20, c21, c22, c23}, {c30, c31, c32, c33}});
  }

  /** G[a0+t][j0+u] += c[t][u] where j0 + u ≥ a0 + t. */
  protected static void addUpper(double[][] g, int a0, int j0, double[][] c) {
    for (int t = 0; t < c.length; t++) {
      double[] ga = g[a0 + t];
      double[] ct = c[t];
      for (int u = Math.max(0, a0 + t - j0); u < ct.length; u++) {
        ga[j0 + u] += ct[u];
      }
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

  /** Scalar t = Bᵀx for one row (group remainders). */
  public static void project1(double[] blk, int o, int p, double[][] b, int k, double[] t) {
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
  public static void accumulate1(double[] blk, int o, int p, int from, double s, double[] z) {
    for (int j = from; j < p; j++) {
      z[j] += s * blk[o + j];
    }
  }
}
