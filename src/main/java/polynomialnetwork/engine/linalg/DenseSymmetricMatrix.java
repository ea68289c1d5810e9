package polynomialnetwork.engine.linalg;

/**
 * An explicit symmetric p×p matrix (full storage, row arrays). Used only on the EP-ROM and
 * BK-SVD paths, which form the gradient explicitly; the matrix-free path never creates one.
 */
public final class DenseSymmetricMatrix implements SymmetricOperator {

  private final double[][] a;

  /** Wraps {@code a} (not copied); the caller guarantees symmetry. */
  public DenseSymmetricMatrix(double[][] a) {
    this.a = a;
  }

  /** The rank-r matrix U diag(s) Uᵀ as an explicit matrix. */
  public static DenseSymmetricMatrix of(FactoredSymmetric l) {
    int p = l.dimension();
    double[][] m = new double[p][p];
    double[][] u = l.vectors();
    double[] s = l.values();
    for (int c = 0; c < s.length; c++) {
      double[] uc = u[c];
      for (int i = 0; i < p; i++) {
        double f = s[c] * uc[i];
        if (f == 0) {
          continue;
        }
        double[] mi = m[i];
        for (int j = 0; j < p; j++) {
          mi[j] += f * uc[j];
        }
      }
    }
    return new DenseSymmetricMatrix(m);
  }

  @Override
  public int dimension() {
    return a.length;
  }

  public double get(int i, int j) {
    return a[i][j];
  }

  /** The underlying rows (not a copy). */
  public double[][] rows() {
    return a;
  }

  @Override
  public double[][] apply(double[][] columns) {
    int p = a.length;
    double[][] out = new double[columns.length][p];
    for (int c = 0; c < columns.length; c++) {
      double[] b = columns[c];
      double[] o = out[c];
      for (int i = 0; i < p; i++) {
        o[i] = Linalg.dot(a[i], b, p);
      }
    }
    return out;
  }

  /** this ← this − η·other, in place. */
  public DenseSymmetricMatrix subtractScaled(double eta, DenseSymmetricMatrix other) {
    int p = a.length;
    for (int i = 0; i < p; i++) {
      double[] ai = a[i];
      double[] bi = other.a[i];
      for (int j = 0; j < p; j++) {
        ai[j] -= eta * bi[j];
      }
    }
    return this;
  }

  /** ⟨this, U diag(s) Uᵀ⟩_F = Σ_a s_a u_aᵀ A u_a. */
  public double inner(FactoredSymmetric l) {
    double sum = 0;
    for (int c = 0; c < l.rank(); c++) {
      double[] u = l.vectors()[c];
      double q = 0;
      for (int i = 0; i < a.length; i++) {
        q += u[i] * Linalg.dot(a[i], u, a.length);
      }
      sum += l.values()[c] * q;
    }
    return sum;
  }

  /** ‖this‖_F². */
  public double frobeniusNormSquared() {
    double sum = 0;
    for (double[] row : a) {
      for (double v : row) {
        sum += v * v;
      }
    }
    return sum;
  }

  public double trace() {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i][i];
    }
    return t;
  }
}
