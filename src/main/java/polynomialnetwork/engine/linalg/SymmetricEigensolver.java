package polynomialnetwork.engine.linalg;

/**
 * Eigendecomposition of a dense symmetric matrix: Householder reduction to tridiagonal form,
 * then the implicit QL iteration with Wilkinson-type shifts (the classical tred2/tql2 pair of
 * the Handbook for Automatic Computation, Wilkinson &amp; Reinsch 1971).
 *
 * <p>It serves the small eigenproblems every AP-ROM iteration solves (the Rayleigh–Ritz core of
 * the block Krylov head, q·k ≲ 100; the core of {@link ExactTail}, ≤ 3r; the core refit and
 * the step search's pseudo-inverse, ≤ 16), where no library is faster and LAPACK's dsyevr is
 * less orthogonal. {@code scripts/eigen-timing.sh 4 15 40 100} (one thread, 2 000 repeats below
 * p = 100, 20 at 100; shared 2-core machine, min / median in µs):
 *
 * <pre>
 *   n   this class        commons-math3      MTJ SymmDenseEVD (dsyevr)   max|VᵀV − I|: this / cm3 / dsyevr
 *   4      2.1 /    2.9      3.3 /    3.9       25 /    68                 1.3e-15 / 6.7e-16 / 2.8e-16
 *  15     42   /   87       71   /  104         44 /    49                 3.3e-15 / 1.2e-15 / 1.9e-14
 *  40    107   /  174      158   /  165        233 /   442                 2.7e-15 / 2.9e-15 / 1.6e-13
 * 100   1192   / 1240     3022   / 7293       3119 /  6445                 7.5e-15 / 5.6e-15 / 2.5e-13
 * </pre>
 *
 * (‖AV − VΛ‖_F/‖A‖_F ≤ 6.5e-15 for all.) Keeping this class also keeps AP-ROM-MBK's iterates (the
 * default solver, the one the Weka reference outputs use) bit for bit. EP-ROM's p×p projection,
 * where LAPACK's partial solver is 5–9× faster, uses {@link LapackEigen}.
 *
 * <p>Why not commons-math's {@code EigenDecomposition} either: its QL deflation test compares
 * |e_m| with the two neighbouring diagonal entries only, so on matrices with (near-)zero diagonal
 * stretches it can fail to converge ("convergence failed") — we met that on EP-ROM iterates. The
 * test used here is relative to the largest |d_l| + |e_l| seen so far, which always terminates.
 */
final class SymmetricEigensolver {

  private static final double EPS = Math.ulp(1.0);
  private static final int MAX_SWEEPS_PER_VALUE = 200;

  private SymmetricEigensolver() {
  }

  /**
   * @param a symmetric n×n matrix (not modified)
   * @param values receives the n eigenvalues (unordered)
   * @return eigenvectors as rows: result[c] is the eigenvector of values[c]
   */
  static double[][] decompose(double[][] a, double[] values) {
    int n = a.length;
    double[][] v = new double[n][];
    for (int i = 0; i < n; i++) {
      v[i] = a[i].clone();
    }
    double[] d = values;
    double[] e = new double[n];
    tridiagonalize(v, d, e);
    double[][] vt = transpose(v);
    diagonalize(vt, d, e);
    return vt;
  }

  /** Householder reduction; on return v holds the accumulated orthogonal transformation. */
  private static void tridiagonalize(double[][] v, double[] d, double[] e) {
    int n = v.length;
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
    }
    for (int i = n - 1; i > 0; i--) {
      double scale = 0;
      double h = 0;
      for (int k = 0; k < i; k++) {
        scale += Math.abs(d[k]);
      }
      if (scale == 0) {
        e[i] = d[i - 1];
        for (int j = 0; j < i; j++) {
          d[j] = v[i - 1][j];
          v[i][j] = 0;
          v[j][i] = 0;
        }
      } else {
        for (int k = 0; k < i; k++) {
          d[k] /= scale;
          h += d[k] * d[k];
        }
        double f = d[i - 1];
        double g = Math.sqrt(h);
        if (f > 0) {
          g = -g;
        }
        e[i] = scale * g;
        h -= f * g;
        d[i - 1] = f - g;
        for (int j = 0; j < i; j++) {
          e[j] = 0;
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          v[j][i] = f;
          g = e[j] + v[j][j] * f;
          for (int k = j + 1; k <= i - 1; k++) {
            g += v[k][j] * d[k];
            e[k] += v[k][j] * f;
          }
          e[j] = g;
        }
        f = 0;
        for (int j = 0; j < i; j++) {
          e[j] /= h;
          f += e[j] * d[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j < i; j++) {
          e[j] -= hh * d[j];
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          g = e[j];
          for (int k = j; k <= i - 1; k++) {
            v[k][j] -= f * e[k] + g * d[k];
          }
          d[j] = v[i - 1][j];
          v[i][j] = 0;
        }
      }
      d[i] = h;
    }
    for (int i = 0; i < n - 1; i++) {
      v[n - 1][i] = v[i][i];
      v[i][i] = 1;
      double h = d[i + 1];
      if (h != 0) {
        for (int k = 0; k <= i; k++) {
          d[k] = v[k][i + 1] / h;
        }
        for (int j = 0; j <= i; j++) {
          double g = 0;
          for (int k = 0; k <= i; k++) {
            g += v[k][i + 1] * v[k][j];
          }
          for (int k = 0; k <= i; k++) {
            v[k][j] -= g * d[k];
          }
        }
      }
      for (int k = 0; k <= i; k++) {
        v[k][i + 1] = 0;
      }
    }
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
      v[n - 1][j] = 0;
    }
    v[n - 1][n - 1] = 1;
    e[0] = 0;
  }

  /** Implicit QL on the tridiagonal (d, e); vt holds eigenvectors as rows and is rotated. */
  private static void diagonalize(double[][] vt, double[] d, double[] e) {
    int n = d.length;
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    e[n - 1] = 0;
    double f = 0;
    double tst1 = 0;
    for (int l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
      int m = l;
      while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
        m++;
      }
      if (m > l) {
        int iter = 0;
        do {
          if (++iter > MAX_SWEEPS_PER_VALUE) {
            throw new NonFiniteException("symmetric eigenproblem (QL iteration did not converge)");
          }
          double g = d[l];
          double p = (d[l + 1] - g) / (2 * e[l]);
          double r = hypot(p, 1);
          if (p < 0) {
            r = -r;
          }
          d[l] = e[l] / (p + r);
          d[l + 1] = e[l] * (p + r);
          double dl1 = d[l + 1];
          double h = g - d[l];
          for (int i = l + 2; i < n; i++) {
            d[i] -= h;
          }
          f += h;
          p = d[m];
          double c = 1;
          double c2 = c;
          double c3 = c;
          double el1 = e[l + 1];
          double s = 0;
          double s2 = 0;
          for (int i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i];
            h = c * p;
            r = hypot(p, e[i]);
            e[i + 1] = s * r;
            s = e[i] / r;
            c = p / r;
            p = c * d[i] - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]);
            double[] vi = vt[i];
            double[] vi1 = vt[i + 1];
            for (int k = 0; k < n; k++) {
              double t = vi1[k];
              vi1[k] = s * vi[k] + c * t;
              vi[k] = c * vi[k] - s * t;
            }
          }
          p = -s * s2 * c3 * el1 * e[l] / dl1;
          e[l] = s * p;
          d[l] = c * p;
          if (!Double.isFinite(p)) {
            throw new NonFiniteException("symmetric eigenproblem");
          }
        } while (Math.abs(e[l]) > EPS * tst1);
      }
      d[l] += f;
      e[l] = 0;
    }
  }

  private static double hypot(double a, double b) {
    double x = Math.abs(a);
    double y = Math.abs(b);
    double big = Math.max(x, y);
    if (big == 0 || Double.isInfinite(big)) {
      return big;
    }
    double small = Math.min(x, y) / big;
    return big * Math.sqrt(1 + small * small);
  }

  private static double[][] transpose(double[][] v) {
    int n = v.length;
    double[][] t = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        t[j][i] = v[i][j];
      }
    }
    return t;
  }
}
