package polynomialnetwork.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * EP-ROM and AP-ROM (Soltani &amp; Hegde, AISTATS 2018, Algorithm 1; algorithms.md §3): learns
 * y ≈ xᵀLx + βᵀx + c with rank(L) ≤ r from the rows of a {@link DesignMatrix}.
 *
 * <pre>
 * L ← 0, β ← 0, c ← 0
 * repeat
 *   d ← 𝒜(L) + Xβ + c − y                         one pass (DebiasedGradient.evaluate)
 *   stop on tolerance / stagnation / divergence / budget, remembering the best iterate
 *   G ← (1/2W)[Σ w_i d_i x_i x_iᵀ − (Σ w_i d_i) I]
 *   D ← G                     (EP-ROM)
 *     | H(G) by BK-SVD on explicit G   (AP-ROM-BK)
 *     | H(G) by MBK-SVD, matrix-free   (AP-ROM-MBK)
 *   (η_L, η_b) ← 1, or the exact line search (StepSize)
 *   L ← P_r(L − η_L G) (EP)  |  T(L − η_L D) (AP, ExactTail)
 *   β ← β − η_b Xᵀ(w∘d)/W;  c ← c − η_b (mean_w d − tr G)      (§5)
 * </pre>
 *
 * The linear term and bias are fitted alongside L with the moment-matched directions of §5; the
 * L-step is unchanged by them. Appending a constant 1 to x is not done: it biases the fixed point
 * (§5, warning).
 */
public final class RecoverySolver {

  private RecoverySolver() {
  }

  /**
   * Fits the model on rows held in memory, on {@link SolverSettings#threads()} threads; see
   * {@link #fit(RowBlocks, SolverSettings)}.
   */
  public static FitResult fit(DesignMatrix x, SolverSettings settings) {
    requireMemoryForDenseSolver(x.cols(), settings.method(), Runtime.getRuntime().maxMemory());
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, settings.threads())) {
      return fit(blocks, settings);
    }
  }

  /**
   * Fits the model; never returns a diverged iterate (the best one seen is returned), nor one
   * that fits the training rows worse than the best linear model (that model is returned
   * instead, see {@link FitResult#linearFallback}).
   */
  public static FitResult fit(RowBlocks blocks, SolverSettings settings) {
    requireMemoryForDenseSolver(blocks.cols(), settings.method(),
        Runtime.getRuntime().maxMemory());
    FitResult fit = fitNetwork(blocks, settings);
    return Thread.currentThread().isInterrupted() ? fit
        : notWorseThanLinear(blocks, settings, fit);
  }

  /**
   * EP-ROM and AP-ROM-BK form p × p matrices (the explicit gradient; EP-ROM also the iterate
   * L − ηG and its eigendecomposition), at least this many at once. Refusing up front, with the
   * way out, beats an OutOfMemoryError after the data has been read.
   */
  static final int DENSE_MATRICES_EP_ROM = 3;
  static final int DENSE_MATRICES_AP_ROM_BK = 1;

  /**
   * @throws IllegalArgumentException when the solver's p × p matrices alone exceed the heap
   */
  static void requireMemoryForDenseSolver(int p, SolverSettings.Method method, long maxHeap) {
    int count = method == SolverSettings.Method.EP_ROM ? DENSE_MATRICES_EP_ROM
        : method == SolverSettings.Method.AP_ROM_BK ? DENSE_MATRICES_AP_ROM_BK : 0;
    double bytes = 8.0 * p * p * count;
    if (bytes > maxHeap) {
      String name = method == SolverSettings.Method.EP_ROM ? "EP-ROM" : "AP-ROM-BK";
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s keeps %s: at p = %d input columns that is %.2f GB, more than the"
          + " whole Java heap (%.2f GB). Use the matrix-free solver AP-ROM-MBK (the default),"
          + " which never forms a p x p matrix, or fewer input columns (a nominal attribute with"
          + " k values becomes k columns).", name,
          count == 1 ? "a p x p matrix" : count + " p x p matrices", p, bytes / 1e9,
          maxHeap / 1e9));
    }
  }

  /**
   * Never worse than linear (doc/algorithms.md §4.6): compares the fit with the (ridge-)least-
   * squares linear model on all training rows, by the objective the solver minimises, and
   * returns the better. The linear
   * model costs a few tens of one-column passes (LinearLeastSquares).
   */
  private static FitResult notWorseThanLinear(RowBlocks blocks, SolverSettings settings,
      FitResult fit) {
    int p = blocks.cols();
    if (!settings.fitLinear() || fit.stopReason() == FitResult.StopReason.ZERO_TARGET
        // fitted to the tolerance: no model is better by more than the tolerance
        || fit.stopReason() == FitResult.StopReason.CONVERGED
        || blocks.rows() <= 2L * (p + 1)) {
      // with fewer than two rows per linear parameter the least-squares model (nearly)
      // interpolates the training rows: "better on the training rows" would then prefer a
      // model that has merely memorised them
      return fit;
    }
    double[] linear = LinearLeastSquares.fit(blocks, RowSelection.ALL, settings.ridge());
    if (!Linalg.allFinite(linear)) {
      return fit;
    }
    double[] beta = java.util.Arrays.copyOf(linear, p);
    double lin = DebiasedGradient.squaredResidual(blocks, FactoredSymmetric.zero(p), beta,
        linear[p], RowSelection.ALL);
    double net = DebiasedGradient.squaredResidual(blocks, fit.interaction(), fit.linearTerm(),
        fit.bias(), RowSelection.ALL);
    TargetTotals totals = TargetTotals.of(blocks, RowSelection.ALL);
    double w = totals.fittedWeight;
    double linRel = Math.sqrt(lin / totals.fittedSquares);
    double ridge = settings.ridge();
    lin += ridge * w * parameterNormSquared(FactoredSymmetric.zero(p), beta);
    net += ridge * w * parameterNormSquared(fit.interaction(), fit.linearTerm());
    // a margin of rounding: a network that is the linear model (L = 0) is kept as it is
    boolean linearBetter = lin < net * (1 - 1e-9) || Double.isNaN(net);
    return linearBetter ? fit.withLinearModel(beta, linear[p], linRel) : fit;
  }

  private static FitResult fitNetwork(RowBlocks blocks, SolverSettings settings) {
    RowSelection[] folds = validationFolds(blocks, settings);
    if (folds == null) {
      return new SolverRun(blocks, settings, RowSelection.ALL).iterate();
    }
    // Early stopping without losing data: runs on the training parts pick the number of
    // iterations by their mean error on the held-out parts, then the model is fitted on all
    // rows for that many iterations.
    List<FitResult> probes = validationRuns(blocks, settings, folds, true);
    FitResult last = probes.get(probes.size() - 1);
    if (last.stopReason() == FitResult.StopReason.INTERRUPTED) {
      // keep what there is: the best iterate of the interrupted run
      return last.withValidation(last, probes.size(), null, last.bestIteration(),
          totalSeconds(probes));
    }
    if (explainsExactly(last)) {
      // neither more runs nor a refit could do better
      return last.withValidation(last, 1, null, last.bestIteration(), 0);
    }
    double[] curve = meanValidationCurve(probes);
    int chosen = argmin(curve);
    SolverSettings full = settings.copy().validationFraction(0).maxIterations(chosen);
    FitResult result = new SolverRun(blocks, full, RowSelection.ALL).iterate();
    return result.withValidation(probes.get(0), probes.size(), curve, chosen,
        totalSeconds(probes));
  }

  /**
   * One run per fold, each holding that fold out; stops early after a run that was interrupted
   * and, when {@code stopWhenExact}, after a first run that {@link #explainsExactly explains the
   * data exactly}.
   */
  private static List<FitResult> validationRuns(RowBlocks blocks, SolverSettings settings,
      RowSelection[] folds, boolean stopWhenExact) {
    List<FitResult> probes = new ArrayList<>();
    for (RowSelection holdout : folds) {
      FitResult probe = new SolverRun(blocks, settings, holdout).iterate();
      probes.add(probe);
      if (probe.stopReason() == FitResult.StopReason.INTERRUPTED
          || (stopWhenExact && probes.size() == 1 && explainsExactly(probe))) {
        break;
      }
    }
    return probes;
  }

  /**
   * The training part is fitted to the tolerance and the held-out rows as well: the data are
   * explained exactly.
   */
  private static boolean explainsExactly(FitResult probe) {
    FitResult.IterationRecord last = probe.trace().get(probe.trace().size() - 1);
    return probe.stopReason() == FitResult.StopReason.CONVERGED
        && last.validationRmse <= 100 * last.rmse;
  }

  /**
   * The mean held-out RMSE of the runs after t updates, t = 0 … the longest run. A run that
   * stopped earlier counts with its last value (it would have stayed at its final iterate).
   */
  static double[] meanValidationCurve(List<FitResult> probes) {
    int len = 0;
    for (FitResult f : probes) {
      len = Math.max(len, f.trace().size());
    }
    double[] mean = new double[len];
    for (FitResult f : probes) {
      List<FitResult.IterationRecord> tr = f.trace();
      for (int t = 0; t < len; t++) {
        double v = tr.get(Math.min(t, tr.size() - 1)).validationRmse;
        mean[t] += (Double.isFinite(v) ? v : Double.POSITIVE_INFINITY) / probes.size();
      }
    }
    return mean;
  }

  private static double totalSeconds(List<FitResult> runs) {
    double s = 0;
    for (FitResult f : runs) {
      s += f.seconds();
    }
    return s;
  }

  static int argmin(double[] v) {
    int best = 0;
    for (int t = 1; t < v.length; t++) {
      if (v[t] < v[best]) {
        best = t;
      }
    }
    return best;
  }

  /** Held-out fraction used to choose the rank when the settings have no validation of their own. */
  public static final double RANK_VALIDATION_FRACTION = 0.2;

  /**
   * A rank counts as good as the best one when its held-out RMSE is within this fraction of
   * the best: the smallest such rank is chosen, since extra hidden units mostly fit noise.
   */
  public static final double RANK_TOLERANCE = 0.01;

  /** The outcome of {@link #chooseRank}. */
  public static final class RankChoice {
    /** The chosen number of hidden units. */
    public final int rank;
    /** Best held-out RMSE of rank r at index r − 1; NaN for ranks not tried. */
    public final double[] validationRmse;

    RankChoice(int rank, double[] validationRmse) {
      this.rank = rank;
      this.validationRmse = validationRmse;
    }
  }

  /**
   * Automatic choice of r: for r = 1, 2, … a run on the training part of a held-out split
   * (the same split for every r), scored by its lowest RMSE on the held-out rows; the search
   * stops after two ranks without a 0.1 % improvement, and the smallest rank within
   * {@link #RANK_TOLERANCE} of the best score is chosen. With too few rows to hold any out,
   * r = 1 (the fewest parameters).
   */
  public static RankChoice chooseRank(DesignMatrix x, SolverSettings settings, int maxRank) {
    requireMemoryForDenseSolver(x.cols(), settings.method(), Runtime.getRuntime().maxMemory());
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(x, settings.threads())) {
      return chooseRank(blocks, settings, maxRank);
    }
  }

  /** As {@link #chooseRank(DesignMatrix, SolverSettings, int)}, on any row blocks. */
  public static RankChoice chooseRank(RowBlocks blocks, SolverSettings settings, int maxRank) {
    requireMemoryForDenseSolver(blocks.cols(), settings.method(),
        Runtime.getRuntime().maxMemory());
    SolverSettings s = settings.copy();
    if (s.validationFraction() <= 0) {
      s.validationFraction(RANK_VALIDATION_FRACTION);
    }
    int rMax = Math.max(1, Math.min(maxRank, blocks.cols()));
    double[] score = new double[rMax];
    java.util.Arrays.fill(score, Double.NaN);
    RowSelection[] folds = validationFolds(blocks, s);
    if (folds == null) {
      return new RankChoice(1, score);
    }
    double best = Double.POSITIVE_INFINITY;
    int worse = 0;
    for (int r = 1; r <= rMax; r++) {
      List<FitResult> probes = validationRuns(blocks, s.copy().rank(r), folds, false);
      double[] curve = meanValidationCurve(probes);
      score[r - 1] = curve[argmin(curve)];
      if (probes.get(probes.size() - 1).stopReason() == FitResult.StopReason.INTERRUPTED) {
        break;
      }
      if (score[r - 1] < best * (1 - 1e-3)) {
        best = score[r - 1];
        worse = 0;
      } else if (++worse >= 2) {
        break;
      }
    }
    for (int r = 1; r <= rMax; r++) {
      if (score[r - 1] <= best * (1 + RANK_TOLERANCE)) {
        return new RankChoice(r, score);
      }
    }
    return new RankChoice(1, score);
  }

  /** ‖L‖_F² + ‖β‖², the ridge-penalised parameters. */
  static double parameterNormSquared(FactoredSymmetric l, double[] beta) {
    double n = Math.max(0, l.inner(l));
    return beta == null ? n : n + Linalg.dot(beta, beta);
  }

  /**
   * The hold-out of each validation run, or null when validation is off or a run would hold out
   * or keep fewer than {@link #MIN_VALIDATION_ROWS} rows. Gives every row its seeded hash numbers
   * first ({@link SplitHashes}), which fresh sampling needs too. Run k holds out the rows with
   * frac(u − k/n) &lt; f, f the validation fraction and n the number of runs: with f = 1/n the
   * runs are the folds of an n-fold cross-validation; with n = 1, the rows with u &lt; f.
   */
  static RowSelection[] validationFolds(RowBlocks blocks, SolverSettings settings) {
    double f = settings.validationFraction();
    int n = settings.validationRuns();
    if (f <= 0 && settings.freshSamplingBatches() <= 1) {
      return null;
    }
    long[] held = evenIfInterrupted(() -> blocks.aggregate(new SplitHashes(settings.seed(),
        Math.max(f, 0), n)));
    if (f <= 0) {
      return null;
    }
    long rows = held[n];
    RowSelection[] folds = new RowSelection[n];
    for (int k = 0; k < n; k++) {
      if (held[k] < MIN_VALIDATION_ROWS || rows - held[k] < MIN_VALIDATION_ROWS) {
        return null;
      }
      folds[k] = RowSelection.holdingOut(f, n, k);
    }
    return folds;
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

  /**
   * The held-out error is noisy (tens of rows on typical Weka data) and often pauses before it
   * falls again, so the validation run waits three stagnation windows for a new best. Measured
   * by 10-fold CV, AP-ROM-MBK, RRSE: cpu.with.vendor 7.6 % with one window, 5.6 % with three
   * (5.5 % without validation); cpu 35.0 % and 36.3 % (45.8 % without).
   */
  static final int VALIDATION_PATIENCE_FACTOR = 3;

  /** Fewer held-out rows than this give a validation error too noisy to stop on. */
  static final int MIN_VALIDATION_ROWS = 10;

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
