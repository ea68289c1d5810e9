package polynomialnetwork.engine.linalg;

/**
 * The exact tail projection T of AP-ROM on the factored iterate (algorithms.md §3.6): the best
 * rank-r approximation of L + V diag(c) Vᵀ, where L = U diag(s) Uᵀ has rank ≤ r and V has k
 * orthonormal columns, computed in O(p(r+k)²) without forming any p×p matrix.
 *
 * <p>The update has rank ≤ r + k. With Q an orthonormal basis of span[U V] and R = Qᵀ[U V],
 * L + VCVᵀ = Q (R diag(s, c) Rᵀ) Qᵀ, so its eigenpairs are those of the small symmetric core
 * M = R diag(s, c) Rᵀ lifted by Q. Keeping the r of largest |μ| is an exact (0-approximate) tail
 * projection, which is why the AP-ROM analysis needs only the head to be approximate.
 */
public final class ExactTail {

  /**
   * Columns whose remainder after orthogonalisation is below this fraction of their norm lie in
   * span U up to rounding; near convergence V falls into span U and they must be dropped, else Q
   * would carry amplified rounding noise.
   */
  private static final double DEFLATION = 1e-12;

  private ExactTail() {
  }

  /**
   * @param l the current iterate
   * @param v k orthonormal columns
   * @param c k coefficients (already multiplied by −η for the step L − η·V diag(λ) Vᵀ)
   * @param r the target rank
   */
  public static FactoredSymmetric truncate(FactoredSymmetric l, double[][] v, double[] c, int r) {
    return truncateSum(l.dimension(), r, new double[][][] {l.vectors(), v},
        new double[][] {l.values(), c});
  }

  /**
   * The best rank-r approximation of Σ_t W_t diag(c_t) W_tᵀ, a sum of a few factored terms
   * (each W_t with orthonormal columns, or not: only their span matters).
   */
  public static FactoredSymmetric truncateSum(int p, int r, double[][][] vectors,
      double[][] coefficients) {
    int n = 0;
    for (double[][] v : vectors) {
      n += v.length;
    }
    double[][] w = new double[n][];
    double[] coef = new double[n];
    int at = 0;
    for (int t = 0; t < vectors.length; t++) {
      for (int a = 0; a < vectors[t].length; a++) {
        w[at] = vectors[t][a];
        coef[at++] = coefficients[t][a];
      }
    }
    double[][] q = Linalg.orthonormalize(w, new double[0][], DEFLATION);
    double[][] rr = Linalg.innerProducts(q, w); // |q| × n
    int nq = q.length;
    double[][] m = new double[nq][nq];
    for (int i = 0; i < nq; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int a = 0; a < n; a++) {
          sum += rr[i][a] * coef[a] * rr[j][a];
        }
        m[i][j] = sum;
        m[j][i] = sum;
      }
    }
    Linalg.Eigen e = Linalg.symmetricEigen(m);
    int[] keep = e.leading(r);
    // Drop exact zeros: they carry no information and keep the stored rank honest.
    int nk = 0;
    for (int idx : keep) {
      if (e.values[idx] != 0) {
        nk++;
      }
    }
    int[] kept = new int[nk];
    double[] vals = new double[nk];
    int t = 0;
    for (int idx : keep) {
      if (e.values[idx] != 0) {
        kept[t] = idx;
        vals[t++] = e.values[idx];
      }
    }
    double[][] u = Linalg.combine(q, e.vectors, kept);
    return new FactoredSymmetric(p, u, vals);
  }
}
