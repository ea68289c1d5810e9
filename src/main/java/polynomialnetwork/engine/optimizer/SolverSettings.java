package polynomialnetwork.engine.optimizer;

import java.util.function.Consumer;

/**
 * Everything a caller chooses about a fit, with the defaults a user gets and the rule each value
 * must obey. Immutable: every setter returns a new object, so settings can be shared between
 * the validation runs, the refit and a caller without one changing another's. This class is the
 * only place defaults and validity live; the Weka classifier's and the Spark entry point's
 * options delegate here, and the messages name the command-line option.
 */
public final class SolverSettings {

  /** The three solvers of Soltani &amp; Hegde. */
  public enum Method {
    /** L ← P_r(L − G): explicit G, its r leading eigenpairs (LAPACK); O(m·p² + p³) per iteration. */
    EP_ROM,
    /** L ← T(L − H(G)): explicit G, head by block Krylov (BK-SVD), exact factored tail. */
    AP_ROM_BK,
    /** As AP_ROM_BK with G never formed: each Krylov product is one pass over the data. */
    AP_ROM_MBK;

    /** The name users type and read: EP-ROM, AP-ROM-BK, AP-ROM-MBK. */
    public String displayName() {
      return name().replace('_', '-');
    }
  }

  /** How far to move along the head-projected direction (doc/algorithms.md §4). */
  public enum StepRule {
    /** The papers' step η = 1 (unbiased for Gaussian inputs; diverges on too few samples). */
    UNIT,
    /** η = 1 unless it would increase the training residual; then the exact line search. */
    SAFEGUARDED,
    /** Always the exact line search η = ⟨d, 𝒜(D)⟩ / ‖𝒜(D)‖² (jointly with the linear part). */
    LINE_SEARCH,
    /**
     * Exact search over the head direction, the linear direction and the previous step (a
     * conjugate-gradient-like step, §4.2); the first step, with no previous one, is SAFEGUARDED.
     */
    SEARCH
  }

  /** Called after every iteration, e.g. for progress output. */
  public interface IterationListener {
    void iterationDone(FitResult.IterationRecord record);
  }

  /** {@link #rank(int)} value asking for the automatic choice of r ({@link RankSelection}). */
  public static final int AUTOMATIC_RANK = 0;

  /** Largest rank the automatic choice tries. */
  public static final int MAX_AUTOMATIC_RANK = 10;

  /**
   * Each run is a full fit; beyond 1/fraction runs the held-out windows only overlap more, so
   * more than this many buys nothing but time.
   */
  public static final int MAX_VALIDATION_RUNS = 100;

  /** The defaults: what a user who sets nothing gets. */
  public static final SolverSettings DEFAULTS = new SolverSettings();

  private Method method = Method.AP_ROM_MBK;
  private int rank = 3;
  private int maxIterations = 100;
  /**
   * At 1e-8 a network that explains the data exactly already predicts new data to about eight
   * digits (planted p = 100: test RRSE 1e-6 %); going on to 1e-10 took 39 iterations instead of
   * 30 there, for digits no data set carries.
   */
  private double tolerance = 1e-8;
  private StepRule stepRule = StepRule.SEARCH;
  private int blockSize = 0;
  private int krylovDepth = 0;
  private int freshSamplingBatches = 0;
  private boolean fitLinear = true;
  private long seed = 1;
  private int stagnationPatience = 10;
  private double stagnationTolerance = 1e-6;
  private double divergenceFactor = 10;
  private int threads = 0;
  private boolean warmStart = true;
  private boolean headSpansIterate = false;
  private boolean refitCore = false;
  /** 5-fold cross-validation of the iteration count (doc/algorithms.md §8.1). */
  private double validationFraction = 0.2;
  private int validationRuns = 5;
  private int warmDepth = 0;
  /**
   * One head step, then tangent steps: at p = 200, m = 20 000 (planted, r = 5, noiseless) 17
   * iterations and 44 passes instead of 32 and 167 with head steps throughout
   * (doc/algorithms.md §3.9).
   */
  private int headSteps = 1;
  private boolean sampledStart = true;
  private double ridge = 0;
  private IterationListener listener;

  /** The defaults; the same as {@link #DEFAULTS}. */
  public SolverSettings() {
  }

  private SolverSettings(SolverSettings o) {
    method = o.method;
    rank = o.rank;
    maxIterations = o.maxIterations;
    tolerance = o.tolerance;
    stepRule = o.stepRule;
    blockSize = o.blockSize;
    krylovDepth = o.krylovDepth;
    freshSamplingBatches = o.freshSamplingBatches;
    fitLinear = o.fitLinear;
    seed = o.seed;
    stagnationPatience = o.stagnationPatience;
    stagnationTolerance = o.stagnationTolerance;
    divergenceFactor = o.divergenceFactor;
    threads = o.threads;
    warmStart = o.warmStart;
    headSpansIterate = o.headSpansIterate;
    refitCore = o.refitCore;
    validationFraction = o.validationFraction;
    validationRuns = o.validationRuns;
    warmDepth = o.warmDepth;
    headSteps = o.headSteps;
    sampledStart = o.sampledStart;
    ridge = o.ridge;
    listener = o.listener;
  }

  /** A copy with one change. */
  private SolverSettings with(Consumer<SolverSettings> change) {
    SolverSettings copy = new SolverSettings(this);
    change.accept(copy);
    return copy;
  }

  private static void require(boolean valid, String message) {
    if (!valid) {
      throw new IllegalArgumentException(message);
    }
  }

  private static boolean finite(double v) {
    return !Double.isNaN(v) && !Double.isInfinite(v);
  }

  /** The solver. */
  public Method method() {
    return method;
  }

  public SolverSettings method(Method v) {
    require(v != null, "-solver must be one of EP-ROM, AP-ROM-BK, AP-ROM-MBK");
    return with(c -> c.method = v);
  }

  /** r, the number of hidden units (capped at p during the fit); {@link #AUTOMATIC_RANK} chooses r from 1 to {@link #MAX_AUTOMATIC_RANK} on held-out rows. */
  public int rank() {
    return rank;
  }

  public SolverSettings rank(int v) {
    require(v >= 0, "-N (number of hidden units) must be at least 1, or 0 for the automatic choice, got " + v);
    return with(c -> c.rank = v);
  }

  /** The iteration budget (≥ 1); the best iterate seen is returned. */
  public int maxIterations() {
    return maxIterations;
  }

  public SolverSettings maxIterations(int v) {
    require(v >= 1, "-I (maximum iterations) must be at least 1, got " + v);
    return with(c -> c.maxIterations = v);
  }

  /** Stop when ‖d‖/‖y‖ (standardized class) ≤ tolerance. */
  public double tolerance() {
    return tolerance;
  }

  public SolverSettings tolerance(double v) {
    require(v >= 0 && finite(v), "-tol (tolerance) must be a finite number >= 0, got " + v);
    return with(c -> c.tolerance = v);
  }

  /** How far to move along each new direction. */
  public StepRule stepRule() {
    return stepRule;
  }

  public SolverSettings stepRule(StepRule v) {
    require(v != null, "-step must be one of unit, search");
    return with(c -> c.stepRule = v);
  }

  /** Krylov block size k; 0 = automatic (k = r; smaller values are raised to r). */
  public int blockSize() {
    return blockSize;
  }

  public SolverSettings blockSize(int v) {
    require(v >= 0, "-block-size must be >= 0 (0 = automatic), got " + v);
    return with(c -> c.blockSize = v);
  }

  /** Krylov depth q; 0 = automatic (q = max(2, ⌈ln p⌉)). */
  public int krylovDepth() {
    return krylovDepth;
  }

  public SolverSettings krylovDepth(int v) {
    require(v >= 0, "-krylov-iters must be >= 0 (0 = automatic), got " + v);
    return with(c -> c.krylovDepth = v);
  }

  /** Number of disjoint batches cycled through, one per iteration; 0 or 1 = all rows each time ({@link #freshSamplingBatchesFor}). */
  public int freshSamplingBatches() {
    return freshSamplingBatches;
  }

  public SolverSettings freshSamplingBatches(int v) {
    require(v >= 0, "fresh-sampling batches must be >= 0, got " + v);
    return with(c -> c.freshSamplingBatches = v);
  }

  /** Fit the linear term β and the bias c alongside L. */
  public boolean fitLinear() {
    return fitLinear;
  }

  public SolverSettings fitLinear(boolean v) {
    return with(c -> c.fitLinear = v);
  }

  /** Seed of the Krylov starting blocks and of the rows' split hashes. */
  public long seed() {
    return seed;
  }

  public SolverSettings seed(long v) {
    return with(c -> c.seed = v);
  }

  /** Stop after this many iterations without a significant new best residual. */
  public int stagnationPatience() {
    return stagnationPatience;
  }

  public SolverSettings stagnationPatience(int v) {
    require(v >= 1, "stagnation patience must be >= 1, got " + v);
    return with(c -> c.stagnationPatience = v);
  }

  /** A new best counts as significant when it lowers the residual by this relative amount. */
  public double stagnationTolerance() {
    return stagnationTolerance;
  }

  public SolverSettings stagnationTolerance(double v) {
    require(v >= 0 && v < 1, "stagnation tolerance must be in [0, 1), got " + v);
    return with(c -> c.stagnationTolerance = v);
  }

  /** Declare divergence when the residual exceeds this multiple of the best one. */
  public double divergenceFactor() {
    return divergenceFactor;
  }

  public SolverSettings divergenceFactor(double v) {
    require(v > 1 && finite(v), "divergence factor must be a finite number > 1, got " + v);
    return with(c -> c.divergenceFactor = v);
  }

  /** Threads for the passes over rows held in memory; 0 = all available cores ({@link #effectiveThreads()}). Results agree across thread counts to rounding. */
  public int threads() {
    return threads;
  }

  public SolverSettings threads(int v) {
    require(v >= 0, "-num-threads must be >= 0 (0 = all available cores), got " + v);
    return with(c -> c.threads = v);
  }

  /** Start each iteration's Krylov block from the previous iteration's head instead of a fresh Gaussian block (AP-ROM only). */
  public boolean warmStart() {
    return warmStart;
  }

  public SolverSettings warmStart(boolean v) {
    return with(c -> c.warmStart = v);
  }

  /**
   * Whether AP-ROM's update direction is the gradient compressed onto span[U, V] (the iterate's
   * vectors and the Krylov head's) instead of the head alone (doc/algorithms.md §13): one more
   * product of 2r columns per iteration. Off for the squared loss, whose gradient vanishes at a
   * planted truth; on for the log-loss, whose gradient at the best rank-r point keeps a full-rank
   * part the tail discards, so that a head of it alone stalls.
   */
  public boolean headSpansIterate() {
    return headSpansIterate;
  }

  public SolverSettings headSpansIterate(boolean v) {
    return with(c -> c.headSpansIterate = v);
  }

  /** After each update, refit the r×r core S (and c) by least squares on span U ({@code Objective.refitCore}). */
  public boolean refitCore() {
    return refitCore;
  }

  public SolverSettings refitCore(boolean v) {
    return with(c -> c.refitCore = v);
  }

  /** Early stopping ({@link ValidatedFit}): each validation run holds out this fraction of the rows (seeded); the number of iterations is where the mean held-out error is lowest, and the model is then fitted on all rows for that many iterations. 0 = off. Skipped when a part would have fewer than 10 rows. */
  public double validationFraction() {
    return validationFraction;
  }

  public SolverSettings validationFraction(double v) {
    require(v >= 0 && v < 1, "-validation must be a fraction in [0, 1) (0 = off), got " + v);
    return with(c -> c.validationFraction = v);
  }

  /** Number of validation runs, each holding out a different window of the rows; with fraction 1/n, n-fold cross-validation. One run is a single held-out split. */
  public int validationRuns() {
    return validationRuns;
  }

  public SolverSettings validationRuns(int v) {
    require(v >= 1 && v <= MAX_VALIDATION_RUNS, "-validation-runs must be between 1 and " + MAX_VALIDATION_RUNS + " (each run is a full fit), got " + v);
    return with(c -> c.validationRuns = v);
  }

  /** Krylov depth used on warm-started iterations; 0 = automatic, max(2, ⌈q/2⌉) (measured at p = 100, m = 16pr: the same iterations as a cold head of depth q with 30 % fewer products). */
  public int warmDepth() {
    return warmDepth;
  }

  public SolverSettings warmDepth(int v) {
    require(v >= 0, "warm Krylov depth must be >= 0 (0 = automatic), got " + v);
    return with(c -> c.warmDepth = v);
  }

  /**
   * AP-ROM: the number of iterations at the start of each run that move L along the Krylov head
   * H(G); the later ones move it along P_T(G), the gradient's projection onto the tangent space
   * of the rank-r matrices at L (one product with G, in the evaluation's pass), with a head
   * step again when the run is slow and whenever L has rank below r (doc/algorithms.md §3.9).
   * 0 = head steps throughout (AP-ROM as published).
   */
  public int headSteps() {
    return headSteps;
  }

  public SolverSettings headSteps(int v) {
    require(v >= 0, "-head-steps must be >= 0 (0 = a Krylov head step every iteration), got " + v);
    return with(c -> c.headSteps = v);
  }

  /**
   * Whether each run's early iterations run on nested samples of the rows, a few times p·r rows
   * at first, growing as the iterate stops improving on them, before the iterations on all rows
   * ({@link RowSamples}, doc/algorithms.md §3.10); without effect when the rows are too few for a
   * sample, with fresh sampling, or for a loss that does not sample.
   */
  public boolean sampledStart() {
    return sampledStart;
  }

  public SolverSettings sampledStart(boolean v) {
    return with(c -> c.sampledStart = v);
  }

  /** λ of the ridge penalty: the solver minimises (1/2W) Σ w_i d_i² + (λ/2)(‖L‖_F² + ‖β‖²) over rank(L) ≤ r, in standardized coordinates (c is not penalised). 0 = the papers' least squares. */
  public double ridge() {
    return ridge;
  }

  public SolverSettings ridge(double v) {
    require(v >= 0 && finite(v), "-ridge must be a finite number >= 0 (0 = no penalty), got " + v);
    return with(c -> c.ridge = v);
  }

  /** Called after every iteration; null for none. Not part of the model. */
  public IterationListener listener() {
    return listener;
  }

  public SolverSettings listener(IterationListener v) {
    return with(c -> c.listener = v);
  }

  /**
   * The same settings with an iteration budget that may be 0 (the refit after early stopping
   * when the held-out error was lowest at the start).
   */
  SolverSettings iterationBudget(int n) {
    require(n >= 0, "iteration budget must be >= 0, got " + n);
    return with(c -> c.maxIterations = n);
  }

  /** The number of threads to run: {@link #threads()}, or all available cores for 0. */
  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * The number of disjoint batches for fresh sampling as in the papers' analysis: enough rows
   * per batch for about ten samples per degree of freedom p·r, at least two batches, at most one
   * per iteration.
   *
   * @param m number of training rows
   * @param p number of input columns
   * @param r number of hidden units
   * @param maxIterations iteration budget
   * @return the number of batches, at least 2
   */
  public static int freshSamplingBatchesFor(long m, int p, int r, int maxIterations) {
    long perBatch = 10L * Math.max(1, p) * Math.max(1, r);
    return (int) Math.max(2, Math.min(maxIterations, m / perBatch));
  }
}
