package polynomialnetwork.engine.linalg;

import java.util.Arrays;
import org.netlib.lapack.Dormtr;
import org.netlib.lapack.Dstemr;
import org.netlib.lapack.Dsterf;
import org.netlib.lapack.Dsytrd;
import org.netlib.util.booleanW;
import org.netlib.util.intW;

/**
 * Symmetric eigenproblems through LAPACK as Weka ships it (netlib-java, the F2J translation of
 * reference LAPACK in pure Java; weka-stable depends on it, so it is on every Weka and Spark
 * class path this package runs on).
 *
 * <p>The F2J routines ({@code org.netlib.lapack}) are called directly, not through netlib-java's
 * {@code LAPACK.getInstance()}: a native LAPACK found on one machine and not on another would
 * change results at rounding level between them, and loading {@code LAPACK} probes for native
 * libraries (logging a warning for each one missing) even when only F2J is wanted.
 *
 * <p>{@link #leading} is the partial solver EP-ROM's projection P_r needs (doc/algorithms.md
 * §3.2): Householder reduction to tridiagonal form once (dsytrd), all eigenvalues of the
 * tridiagonal matrix by the root-free QR of dsterf (O(p²)), then eigenvectors only for the r
 * eigenvalues of largest |λ| — the lowest and highest few, two index ranges of the spectrum —
 * by MRRR (dstemr, O(p·r)), lifted back by the Householder reflectors (dormtr, O(p²·r)). That
 * costs about (4/3)p³ against the ≈ 9p³ of a full eigendecomposition with vectors. The
 * measurement that chose it is in {@link ExactProjection}.
 */
final class LapackEigen {

  /**
   * Below this order all eigenpairs of the tridiagonal matrix are computed and the leading ones
   * kept: the F2J dstemr (LAPACK 3.1) returns the wrong eigenpair for n = 2 with an index range,
   * and for tiny n the index ranges save nothing.
   */
  private static final int ALL_PAIRS_BELOW = 8;

  private LapackEigen() {
  }

  /**
   * The r eigenpairs of largest |λ| of a symmetric matrix, |λ| descending.
   *
   * @param lower a symmetric n×n matrix; only its lower triangle (m[i][j], j ≤ i) is read
   * @throws NonFiniteException if the matrix holds NaN or an infinity, or LAPACK fails
   */
  static Linalg.Eigen leading(double[][] lower, int r) {
    int n = lower.length;
    int k = Math.min(r, n);
    if (k == 0) {
      return new Linalg.Eigen(new double[0], new double[n][0]);
    }
    // Column-major upper triangle of A = row-major lower triangle.
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      double[] row = lower[i];
      for (int j = 0; j <= i; j++) {
        double v = row[j];
        if (!Double.isFinite(v)) {
          throw new NonFiniteException("symmetric eigenproblem of size " + n);
        }
        a[j + i * n] = v;
      }
    }
    double[] d = new double[n];
    double[] e = new double[n];
    double[] tau = new double[Math.max(1, n - 1)];
    intW info = new intW(0);
    double[] query = new double[1];
    Dsytrd.dsytrd("U", n, a, 0, n, d, 0, e, 0, tau, 0, query, 0, -1, info);
    double[] work = new double[Math.max(1, (int) query[0])];
    Dsytrd.dsytrd("U", n, a, 0, n, d, 0, e, 0, tau, 0, work, 0, work.length, info);
    check(info, "dsytrd");

    double[] all = d.clone();
    double[] off = Arrays.copyOf(e, n);
    Dsterf.dsterf(n, all, 0, off, 0, info);
    check(info, "dsterf");
    // all[] is ascending: the k of largest |λ| are the lowest `low` and the highest k − low.
    int low = 0;
    int lo = 0;
    int hi = n - 1;
    for (int c = 0; c < k; c++) {
      if (Math.abs(all[lo]) > Math.abs(all[hi])) {
        lo++;
        low++;
      } else {
        hi--;
      }
    }
    if (n < ALL_PAIRS_BELOW) {
      low = 0;
      k = n;
    }
    double[] z = new double[n * k];
    double[] w = new double[k];
    int got = 0;
    if (low > 0) {
      got += tridiagonalVectors(d, e, 1, low, w, 0, z, 0);
    }
    if (k - low > 0) {
      got += tridiagonalVectors(d, e, n - (k - low) + 1, n, w, got, z, got * n);
    }
    if (got != k) {
      throw new NonFiniteException("symmetric eigenproblem of size " + n + " (dstemr found "
          + got + " of " + k + " eigenpairs)");
    }
    Dormtr.dormtr("L", "U", "N", n, k, a, 0, n, tau, 0, z, 0, n, query, 0, -1, info);
    work = new double[Math.max(1, (int) query[0])];
    Dormtr.dormtr("L", "U", "N", n, k, a, 0, n, tau, 0, z, 0, n, work, 0, work.length, info);
    check(info, "dormtr");
    Linalg.Eigen e2 = sorted(w, z, n, k);
    return k == Math.min(r, n) ? e2 : e2.first(Math.min(r, n));
  }

  /** Eigenpairs il..iu (1-based, ascending) of the tridiagonal (d, e) into w[wAt..], z[zAt..]. */
  private static int tridiagonalVectors(double[] d, double[] e, int il, int iu, double[] w,
      int wAt, double[] z, int zAt) {
    int n = d.length;
    int count = iu - il + 1;
    double[] dd = d.clone();
    double[] ee = Arrays.copyOf(e, n);
    double[] ww = new double[n];
    double[] zz = new double[n * count];
    int[] isuppz = new int[2 * count];
    intW m = new intW(0);
    intW info = new intW(0);
    double[] work = new double[18 * n];
    int[] iwork = new int[10 * n];
    String range = il == 1 && iu == n ? "A" : "I";
    Dstemr.dstemr("V", range, n, dd, 0, ee, 0, 0, 0, il, iu, m, ww, 0, zz, 0, n, count, isuppz,
        0, new booleanW(true), work, 0, work.length, iwork, 0, iwork.length, info);
    check(info, "dstemr");
    System.arraycopy(ww, 0, w, wAt, m.val);
    System.arraycopy(zz, 0, z, zAt, n * m.val);
    return m.val;
  }

  private static Linalg.Eigen sorted(double[] w, double[] z, int n, int k) {
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    // by |λ| descending; ties broken by position so the order is deterministic
    Arrays.sort(order, (x, y) -> {
      int c = Double.compare(Math.abs(w[y]), Math.abs(w[x]));
      return c != 0 ? c : Integer.compare(x, y);
    });
    double[] vals = new double[k];
    double[][] vecs = new double[n][k];
    for (int c = 0; c < k; c++) {
      int src = order[c];
      vals[c] = w[src];
      int off = src * n;
      for (int i = 0; i < n; i++) {
        vecs[i][c] = z[off + i];
      }
    }
    return new Linalg.Eigen(vals, vecs);
  }

  private static void check(intW info, String routine) {
    if (info.val != 0) {
      throw new NonFiniteException("symmetric eigenproblem (" + routine + " info " + info.val
          + ")");
    }
  }
}
