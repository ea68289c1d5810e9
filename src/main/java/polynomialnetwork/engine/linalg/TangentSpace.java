package polynomialnetwork.engine.linalg;

/**
 * The orthogonal projection of a symmetric matrix G onto the tangent space of the rank-r
 * symmetric matrices at L = U diag(s) Uᵀ (doc/algorithms.md §3.9):
 * P_T(G) = UUᵀG + GUUᵀ − UUᵀGUUᵀ, given only Y = G·U (r products, no p×p matrix).
 *
 * <p>With T = UᵀY and Y⊥ = Y − U·T = Q₂R (Q₂ orthonormal, orthogonal to U),
 * P_T(G) = U T Uᵀ + U Y⊥ᵀ + Y⊥ Uᵀ = [U Q₂] [[T, Rᵀ], [R, 0]] [U Q₂]ᵀ: its eigenpairs are those of
 * the small core lifted by [U Q₂], so the result has rank ≤ 2r and comes factored.
 */
public final class TangentSpace {

  /** Columns of Y⊥ below this fraction of their norm lie in span U up to rounding. */
  private static final double DEFLATION = 1e-12;

  /** How far UᵀU may be from the identity for U to count as orthonormal. */
  private static final double ORTHONORMAL = 1e-8;

  private TangentSpace() {
  }

  /**
   * P_T(G) at the point whose vectors are {@code u}.
   *
   * @param u r orthonormal columns (the vectors of a {@link FactoredSymmetric})
   * @param y G·u, one column per column of u
   */
  public static FactoredSymmetric projection(double[][] u, double[][] y) {
    int r = u.length;
    int p = u[0].length;
    double[][] t = Linalg.innerProducts(u, y);
    double[][] yPerp = new double[r][];
    for (int c = 0; c < r; c++) {
      yPerp[c] = y[c].clone();
      for (int a = 0; a < r; a++) {
        Linalg.axpy(-t[a][c], u[a], yPerp[c]);
      }
    }
    double[][] q2 = Linalg.orthonormalize(yPerp, u, DEFLATION);
    double[][] rr = Linalg.innerProducts(q2, yPerp);
    int n = r + q2.length;
    double[][] core = new double[n][n];
    for (int a = 0; a < r; a++) {
      for (int b = 0; b < r; b++) {
        // T is symmetric in exact arithmetic (UᵀGU); symmetrising drops the rounding
        core[a][b] = 0.5 * (t[a][b] + t[b][a]);
      }
    }
    for (int i = 0; i < q2.length; i++) {
      for (int b = 0; b < r; b++) {
        core[r + i][b] = rr[i][b];
        core[b][r + i] = rr[i][b];
      }
    }
    double[][] basis = new double[n][];
    System.arraycopy(u, 0, basis, 0, r);
    System.arraycopy(q2, 0, basis, r, q2.length);
    return FactoredSymmetric.leadingOfCore(p, basis, core, n);
  }

  /** Whether the columns are orthonormal to within rounding (the projection assumes it). */
  public static boolean orthonormal(double[][] u) {
    for (int a = 0; a < u.length; a++) {
      for (int b = 0; b <= a; b++) {
        double target = a == b ? 1 : 0;
        if (!(Math.abs(Linalg.dot(u[a], u[b]) - target) <= ORTHONORMAL)) {
          return false;
        }
      }
    }
    return true;
  }
}
