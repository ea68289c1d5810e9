package polynomialnetwork.engine;

/**
 * P_r of EP-ROM (algorithms.md §3.2): the best rank-r approximation of an explicit symmetric
 * matrix, i.e. its r eigenpairs of largest |λ| (singular values of a symmetric matrix are |λ|),
 * from a full O(p³) eigendecomposition.
 */
public final class ExactProjection {

  private ExactProjection() {
  }

  public static FactoredSymmetric leading(DenseSymmetricMatrix a, int r) {
    int p = a.dimension();
    Linalg.Eigen e = Linalg.symmetricEigen(a.rows());
    int[] keep = e.leading(r);
    double[][] u = new double[keep.length][p];
    double[] s = new double[keep.length];
    for (int c = 0; c < keep.length; c++) {
      s[c] = e.values[keep[c]];
      for (int i = 0; i < p; i++) {
        u[c][i] = e.vectors[i][keep[c]];
      }
    }
    return new FactoredSymmetric(p, u, s);
  }
}
