package polynomialnetwork.engine;

/**
 * EP-ROM and AP-ROM (Soltani &amp; Hegde, AISTATS 2018, Algorithm 1; doc/algorithms.md §3):
 * learns y ≈ xᵀLx + βᵀx + c with rank(L) ≤ r from rows behind a {@link RowBlocks} seam.
 *
 * <pre>
 * L ← 0, β ← 0, c ← 0
 * repeat                                            (SolverRun)
 *   d ← 𝒜(L) + Xβ + c − y                           one pass (DebiasedGradient.evaluate)
 *   stop on tolerance / stagnation / divergence / budget, keeping the best  (StoppingRules)
 *   G ← (1/2W)[Σ w_i d_i x_i x_iᵀ − (Σ w_i d_i) I]
 *   L ← P_r(L − η G)                    (EP-ROM: ExactProjectionUpdate)
 *     | T(L − η H(G)), H by (M)BK-SVD    (AP-ROM: HeadTailUpdate)
 *   η from the exact step search (StepSize, one pass for its Gram matrix)
 *   β ← β − η_b Xᵀ(w∘d)/W;  c ← c − η_b (mean_w d − tr G)      (§5)
 * </pre>
 *
 * Around that loop: the automatic rank ({@link RankSelection}), early stopping by validation
 * runs and a refit ({@link EarlyStopping}), and the comparison with the best linear model
 * ({@link LinearBaseline}).
 */
public final class RecoverySolver {

  /**
   * EP-ROM and AP-ROM-BK form p × p matrices (the explicit gradient; EP-ROM also the iterate
   * L − ηG and its eigendecomposition), at least this many at once. Refusing up front, with the
   * way out, beats an OutOfMemoryError after the data has been read.
   */
  static final int DENSE_MATRICES_EP_ROM = 3;
  static final int DENSE_MATRICES_AP_ROM_BK = 1;

  private RecoverySolver() {
  }

  /**
   * Fits the model on rows held in memory, on {@link SolverSettings#effectiveThreads()}
   * threads; see {@link #fit(RowBlocks, SolverSettings)}.
   */
  public static FitResult fit(DesignMatrix x, SolverSettings settings) {
    requireMemoryForDenseSolver(x.cols(), settings.method(), Runtime.getRuntime().maxMemory());
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, settings.effectiveThreads())) {
      return fit(blocks, settings);
    }
  }

  /**
   * Fits the model; never returns a diverged iterate (the best one seen is returned), nor one
   * that fits the training rows worse than the best linear model (that model is returned
   * instead, see {@link FitResult#linearFallback}). With {@link SolverSettings#AUTOMATIC_RANK}
   * the rank is chosen first ({@link FitResult#rankScores}).
   */
  public static FitResult fit(RowBlocks blocks, SolverSettings settings) {
    requireMemoryForDenseSolver(blocks.cols(), settings.method(),
        Runtime.getRuntime().maxMemory());
    RankSelection.Choice choice = null;
    if (settings.rank() == SolverSettings.AUTOMATIC_RANK) {
      choice = RankSelection.choose(blocks, settings, SolverSettings.MAX_AUTOMATIC_RANK);
      settings = settings.rank(choice.rank);
    }
    FitResult fit = EarlyStopping.fit(blocks, settings);
    if (!Thread.currentThread().isInterrupted()) {
      fit = LinearBaseline.notWorseThanLinear(blocks, settings, fit);
    }
    return choice == null ? fit : fit.withRankScores(choice.validationRmse);
  }

  /**
   * @throws IllegalArgumentException when the solver's p × p matrices alone exceed the heap
   */
  static void requireMemoryForDenseSolver(int p, SolverSettings.Method method, long maxHeap) {
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

  /**
   * Runs a bookkeeping pass that a result cannot do without (the totals an interrupted run still
   * reports its residual against, the rows' split) even when the thread has been interrupted:
   * the flag is cleared for that one pass and set again after it.
   */
  static <T> T evenIfInterrupted(java.util.function.Supplier<T> pass) {
    boolean interrupted = Thread.interrupted();
    try {
      return pass.get();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
