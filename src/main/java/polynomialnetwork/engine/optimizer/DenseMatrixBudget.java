package polynomialnetwork.engine.optimizer;

/**
 * EP-ROM and AP-ROM-BK form p × p matrices (the explicit gradient; EP-ROM also the iterate
 * L − ηG and its eigendecomposition), at least this many at once. Refusing up front, with the
 * way out, beats an OutOfMemoryError after the data has been read.
 */
final class DenseMatrixBudget {

  static final int DENSE_MATRICES_EP_ROM = 3;
  static final int DENSE_MATRICES_AP_ROM_BK = 1;

  private DenseMatrixBudget() {
  }

  /**
   * @throws IllegalArgumentException when the solver's p × p matrices alone exceed the heap
   */
  static void require(int p, SolverSettings.Method method, long maxHeap) {
    int count = method == SolverSettings.Method.EP_ROM ? DENSE_MATRICES_EP_ROM
        : method == SolverSettings.Method.AP_ROM_BK ? DENSE_MATRICES_AP_ROM_BK : 0;
    double bytes = 8.0 * p * p * count;
    if (bytes > maxHeap) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s keeps %s: at p = %d input columns that is %.2f GB, more than the"
          + " whole Java heap (%.2f GB). Use the matrix-free solver AP-ROM-MBK (the default),"
          + " which never forms a p x p matrix, or fewer input columns (a nominal attribute with"
          + " k values becomes k columns).", method.displayName(),
          count == 1 ? "a p x p matrix" : count + " p x p matrices", p, bytes / 1e9,
          maxHeap / 1e9));
    }
  }
}
