package polynomialnetwork.engine.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Small dense linear algebra on columns ({@code double[]} of length p): dot products, a thin
 * re-orthogonalised Gram–Schmidt (CGS2) and a symmetric eigendecomposition ordered by |λ|.
 *
 * <p>Blocks are at most a few hundred columns wide, so none of this is on the hot path; what
 * matters is that it never builds a p×p matrix (commons-math's QR {@code getQ()} would) and that
 * it stays accurate when [U V] is nearly rank-deficient, which happens at convergence.
 */
public final class Linalg {

  private Linalg() {
  }

  public static double dot(double[] a, double[] b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  public static double dot(double[] a, double[] b) {
    return dot(a, b, a.length);
  }

  public static double norm(double[] a) {
    double scale = 0;
    for (double v : a) {
      scale = Math.max(scale, Math.abs(v));
    }
    if (scale == 0 || Double.isInfinite(scale) || Double.isNaN(scale)) {
      return scale;
    }
    double s = 0;
    for (double v : a) {
      double w = v / scale;
      s += w * w;
    }
    return scale * Math.sqrt(s);
  }

  /** y ← y + a·x. */
  public static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  /**
   * Orthonormalises {@code cols} against the orthonormal {@code basis} and against each other by
   * classical Gram–Schmidt applied twice ("twice is enough", Giraud et al. 2005), dropping every
   * column whose remainder is below {@code dropTol} times its original norm: such a column adds
   * no new direction (Krylov deflation, or V already inside span U in the tail).
   *
   * @return the new orthonormal columns, at most {@code cols.length} of them
   */
  public static double[][] orthonormalize(double[][] cols, double[][] basis, double dropTol) {
    List<double[]> all = new ArrayList<>(Arrays.asList(basis));
    int nb = basis.length;
    for (double[] col : cols) {
      double[] v = col.clone();
      double orig = norm(v);
      if (!(orig > 0) || Double.isInfinite(orig)) {
        continue;
      }
      for (int pass = 0; pass < 2; pass++) {
        for (double[] q : all) {
          axpy(-dot(q, v), q, v);
        }
      }
      double nv = norm(v);
      if (nv <= dropTol * orig) {
        continue;
      }
      double inv = 1.0 / nv;
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
      all.add(v);
    }
    return all.subList(nb, all.size()).toArray(new double[0][]);
  }

  /** Qᵀ·B for columns Q (n of them) and B (k of them): an n×k array. */
  public static double[][] innerProducts(double[][] q, double[][] b) {
    double[][] r = new double[q.length][b.length];
    for (int i = 0; i < q.length; i++) {
      for (int j = 0; j < b.length; j++) {
        r[i][j] = dot(q[i], b[j]);
      }
    }
    return r;
  }

  /** Σ_j coef[j][c]·cols[j] for c = 0..ncoef-1: the columns of (cols)·(coef). */
  public static double[][] combine(double[][] cols, double[][] coef, int[] which) {
    int p = cols.length == 0 ? 0 : cols[0].length;
    double[][] out = new double[which.length][p];
    for (int c = 0; c < which.length; c++) {
      double[] o = out[c];
      for (int j = 0; j < cols.length; j++) {
        double f = coef[j][which[c]];
        if (f != 0) {
          axpy(f, cols[j], o);
        }
      }
    }
    return out;
  }

  /** Eigenpairs of a symmetric matrix, ordered by decreasing |λ|. */
  public static final class Eigen {
    /** Eigenvalues, |λ| descending. */
    public final double[] values;
    /** vectors[i][c] = component i of eigenvector c (eigenvectors are columns). */
    public final double[][] vectors;

    Eigen(double[] values, double[][] vectors) {
      this.values = values;
      this.vectors = vectors;
    }

    /** The n leading pairs (all of them if fewer). */
    Eigen first(int n) {
      int k = Math.min(n, values.length);
      double[][] v = new double[vectors.length][];
      for (int i = 0; i < v.length; i++) {
        v[i] = Arrays.copyOf(vectors[i], k);
      }
      return new Eigen(Arrays.copyOf(values, k), v);
    }

    /** Indices 0..n-1 of the n leading pairs (all of them if fewer). */
    public int[] leading(int n) {
      int k = Math.min(n, values.length);
      int[] idx = new int[k];
      for (int i = 0; i < k; i++) {
        idx[i] = i;
      }
      return idx;
    }
  }

  /**
   * Symmetric eigendecomposition (the matrix is symmetrised first; Householder + implicit QL,
   * for symmetric input), eigenpairs sorted by |λ| descending as the projection P_r needs. For
   * the small cores of AP-ROM (see {@link SymmetricEigensolver} for why it is not a library's);
   * EP-ROM's p×p projection uses {@link ExactProjection}.
   *
   * @throws NonFiniteException if the matrix holds NaN or an infinity
   */
  public static Eigen symmetricEigen(double[][] m) {
    final int n = m.length;
    if (n == 0) {
      return new Eigen(new double[0], new double[0][0]);
    }
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = 0.5 * (m[i][j] + m[j][i]);
        if (!Double.isFinite(v)) {
          throw new NonFiniteException("symmetric eigenproblem of size " + n);
        }
        s[i][j] = v;
        s[j][i] = v;
      }
    }
    final double[] lam = new double[n];
    double[][] rowsOfVectors = SymmetricEigensolver.decompose(s, lam);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(lam[i])));
    double[] vals = new double[n];
    double[][] vecs = new double[n][n];
    for (int c = 0; c < n; c++) {
      int src = order[c];
      vals[c] = lam[src];
      double[] v = rowsOfVectors[src];
      for (int i = 0; i < n; i++) {
        vecs[i][c] = v[i];
      }
    }
    return new Eigen(vals, vecs);
  }

  public static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Minimum-norm solution of the symmetric PSD system, dropping directions below 1e-12·‖A‖. */
  public static double[] pseudoSolve(double[][] a, double[] rhs) {
    int n = rhs.length;
    Eigen e = symmetricEigen(a);
    double top = Math.abs(e.values[0]);
    if (!(top > 0)) {
      return null;
    }
    double[] x = new double[n];
    for (int c = 0; c < n; c++) {
      double lam = e.values[c];
      if (lam <= 1e-12 * top) {
        continue;
      }
      double proj = 0;
      for (int i = 0; i < n; i++) {
        proj += e.vectors[i][c] * rhs[i];
      }
      proj /= lam;
      for (int i = 0; i < n; i++) {
        x[i] += proj * e.vectors[i][c];
      }
    }
    return allFinite(x) ? x : null;
  }
}
