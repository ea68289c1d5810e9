package polynomialnetwork.engine.linalg;

/**
 * A symmetric p×p matrix known only through its products with blocks of vectors. This is all
 * the Krylov head needs, so the same head runs on an explicit matrix (BK-SVD) and on the implicit
 * debiased gradient (MBK-SVD).
 */
public interface SymmetricOperator {

  /** p. */
  int dimension();

  /**
   * Returns A·B for the k columns of B (each of length p), as k new columns.
   */
  double[][] apply(double[][] columns);
}
