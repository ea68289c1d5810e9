package polynomialnetwork.engine.linalg;

/**
 * A symmetric matrix of rank ≤ r held as L = U diag(s) Uᵀ with orthonormal columns U (p×r), so
 * U and s are L's eigenvectors and eigenvalues. The iterate of every solver lives in this form;
 * no p×p array is needed to store, evaluate (𝒜(L)_i = Σ_j s_j (u_jᵀx_i)², algorithms.md §1) or
 * update it (ExactTail).
 */
public final class FactoredSymmetric {

  private final int p;
  private final double[][] u;
  private final double[] s;

  /**
   * @param p dimension
   * @param u columns (each of length p), orthonormal
   * @param s eigenvalues, one per column
   */
  public FactoredSymmetric(int p, double[][] u, double[] s) {
    if (u.length != s.length) {
      throw new IllegalArgumentException(u.length + " vectors but " + s.length + " values");
    }
    this.p = p;
    this.u = u;
    this.s = s;
  }

  public static FactoredSymmetric zero(int p) {
    return new FactoredSymmetric(p, new double[0][], new double[0]);
  }

  /**
   * The n leading eigenpairs (largest |λ|) of Q·core·Qᵀ, Q the orthonormal columns {@code basis}
   * and {@code core} a small symmetric matrix in its coordinates (QᵀAQ for a Rayleigh–Ritz
   * projection of A): the core's eigenvectors lifted by Q.
   *
   * @param p dimension
   * @param n how many pairs to keep (all of them if the core is smaller)
   */
  public static FactoredSymmetric leadingOfCore(int p, double[][] basis, double[][] core, int n) {
    Linalg.Eigen e = Linalg.symmetricEigen(core);
    int[] keep = e.leading(n);
    double[] values = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      values[i] = e.values[keep[i]];
    }
    return new FactoredSymmetric(p, Linalg.combine(basis, e.vectors, keep), values);
  }

  public int dimension() {
    return p;
  }

  public int rank() {
    return s.length;
  }

  /** The eigenvectors (columns); not a copy. */
  public double[][] vectors() {
    return u;
  }

  /** The eigenvalues; not a copy. */
  public double[] values() {
    return s;
  }

  /** ⟨this, other⟩_F = Σ_ab s_a t_b (u_aᵀv_b)², with no p×p array. */
  public double inner(FactoredSymmetric other) {
    double sum = 0;
    for (int a = 0; a < s.length; a++) {
      for (int b = 0; b < other.s.length; b++) {
        double c = Linalg.dot(u[a], other.u[b]);
        sum += s[a] * other.s[b] * c * c;
      }
    }
    return sum;
  }

  public double frobeniusNorm() {
    return Math.sqrt(Math.max(0, inner(this)));
  }

  /**
   * ‖this − other‖_F, with no p×p array: both are expressed in an orthonormal basis Q of
   * span[U V] and the small core difference is measured. (Expanding ‖A‖² + ‖B‖² − 2⟨A, B⟩ would
   * lose everything below √ε·‖A‖ to cancellation.)
   */
  public double distance(FactoredSymmetric other) {
    int n = rank() + other.rank();
    double[][] w = new double[n][];
    double[] coef = new double[n];
    for (int a = 0; a < rank(); a++) {
      w[a] = u[a];
      coef[a] = s[a];
    }
    for (int b = 0; b < other.rank(); b++) {
      w[rank() + b] = other.u[b];
      coef[rank() + b] = -other.s[b];
    }
    double[][] q = Linalg.orthonormalize(w, new double[0][], 1e-14);
    double[][] r = Linalg.innerProducts(q, w);
    double sum = 0;
    for (int i = 0; i < q.length; i++) {
      for (int j = 0; j < q.length; j++) {
        double v = 0;
        for (int a = 0; a < n; a++) {
          v += r[i][a] * coef[a] * r[j][a];
        }
        sum += v * v;
      }
    }
    return Math.sqrt(sum);
  }

  public double trace() {
    double t = 0;
    for (double v : s) {
      t += v;
    }
    return t;
  }

  /** xᵀLx for one vector. */
  public double quadraticForm(double[] x) {
    double v = 0;
    for (int a = 0; a < s.length; a++) {
      double z = Linalg.dot(u[a], x);
      v += s[a] * z * z;
    }
    return v;
  }
}
