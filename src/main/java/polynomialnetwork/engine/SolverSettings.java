package polynomialnetwork.engine;

/**
 * Everything a caller chooses about a fit. Plain mutable settings with validation on set, so
 * that an invalid value is reported where it is given, not deep inside a run.
 */
public final class SolverSettings {

  /** The three solvers of Soltani &amp; Hegde. */
  public enum Method {
    /** L ← P_r(L − G): explicit G, full eigendecomposition; O(m·p² + p³) per iteration. */
    EP_ROM,
    /** L ← T(L − H(G)): explicit G, head by block Krylov (BK-SVD), exact factored tail. */
    AP_ROM_BK,
    /** As AP_ROM_BK with G never formed: each Krylov product is one pass over the data. */
    AP_ROM_MBK
  }

  /** How far to move along the head-projected direction. */
  public enum StepRule {
    /** The papers' step η = 1 (unbiased for Gaussian inputs; diverges on too few samples). */
    UNIT,
    /** η = 1 unless it would increase the training residual; then the exact line search. */
    SAFEGUARDED,
    /** Always the exact line search η = ⟨d, 𝒜(D)⟩ / ‖𝒜(D)‖² (jointly with the linear part). */
    LINE_SEARCH,
    /** Exact search over the head direction, the linear direction and the previous step. */
    MOMENTUM
  }

  /** Called after every iteration, e.g. for progress output. */
  public interface IterationListener {
    void iterationDone(FitResult.IterationRecord record);
  }

  private Method method = Method.AP_ROM_MBK;
  private int rank = 3;
  private int maxIterations = 100;
  private double tolerance = 1e-10;
  private StepRule stepRule = StepRule.MOMENTUM;
  private int blockSize = 0;
  private int krylovDepth = 0;
  private int freshSamplingBatches = 0;
  private boolean fitLinear = true;
  private long seed = 1;
  private int stagnationPatience = 10;
  private double stagnationTolerance = 1e-6;
  private double divergenceFactor = 10;
  private int threads = 1;
  private boolean warmStart = true;
  private boolean refitCore = false;
  private double validationFraction = 0;
  private int warmDepth = 0;
  private double ridge = 0;
  private int validationRuns = 1;

  /**
   * Each run is a full fit; beyond 1/fraction runs the held-out windows only overlap more, so
   * more than this many buys nothing but time (and n × m memory for the fold masks).
   */
  public static final int MAX_VALIDATION_RUNS = 100;
  private IterationListener listener;

  public Method method() {
    return method;
  }

  public SolverSettings method(Method m) {
    if (m == null) {
      throw new IllegalArgumentException("method must not be null");
    }
    this.method = m;
    return this;
  }

  public int rank() {
    return rank;
  }

  /** r, the number of hidden units (≥ 1; capped at p during the fit). */
  public SolverSettings rank(int r) {
    if (r < 1) {
      throw new IllegalArgumentException("rank (number of hidden units) must be at least 1, got "
          + r);
    }
    this.rank = r;
    return this;
  }

  public int maxIterations() {
    return maxIterations;
  }

  public SolverSettings maxIterations(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("maximum iterations must be ≥ 0, got " + n);
    }
    this.maxIterations = n;
    return this;
  }

  public double tolerance() {
    return tolerance;
  }

  /** Stop when ‖d‖/‖y‖ ≤ tolerance. */
  public SolverSettings tolerance(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("tolerance must be a finite number ≥ 0, got " + t);
    }
    this.tolerance = t;
    return this;
  }

  public StepRule stepRule() {
    return stepRule;
  }

  public SolverSettings stepRule(StepRule s) {
    if (s == null) {
      throw new IllegalArgumentException("step rule must not be null");
    }
    this.stepRule = s;
    return this;
  }

  public int blockSize() {
    return blockSize;
  }

  /** Krylov block size k; 0 = automatic (k = r). */
  public SolverSettings blockSize(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("Krylov block size must be ≥ 0 (0 = automatic), got "
          + k);
    }
    this.blockSize = k;
    return this;
  }

  public int krylovDepth() {
    return krylovDepth;
  }

  /** Krylov depth q; 0 = automatic (q = max(2, ⌈ln p⌉)). */
  public SolverSettings krylovDepth(int q) {
    if (q < 0) {
      throw new IllegalArgumentException("Krylov iterations must be ≥ 0 (0 = automatic), got "
          + q);
    }
    this.krylovDepth = q;
    return this;
  }

  public int freshSamplingBatches() {
    return freshSamplingBatches;
  }

  /** Number of disjoint batches cycled through, one per iteration; 0 or 1 = all rows each time. */
  public SolverSettings freshSamplingBatches(int b) {
    if (b < 0) {
      throw new IllegalArgumentException("fresh-sampling batches must be ≥ 0, got " + b);
    }
    this.freshSamplingBatches = b;
    return this;
  }

  public boolean fitLinear() {
    return fitLinear;
  }

  /** Fit the linear term β and the bias c alongside L. */
  public SolverSettings fitLinear(boolean f) {
    this.fitLinear = f;
    return this;
  }

  public long seed() {
    return seed;
  }

  public SolverSettings seed(long s) {
    this.seed = s;
    return this;
  }

  public int stagnationPatience() {
    return stagnationPatience;
  }

  /** Stop after this many iterations without a significant new best residual. */
  public SolverSettings stagnationPatience(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("stagnation patience must be ≥ 1, got " + n);
    }
    this.stagnationPatience = n;
    return this;
  }

  public double stagnationTolerance() {
    return stagnationTolerance;
  }

  /** A new best counts as significant when it lowers the residual by this relative amount. */
  public SolverSettings stagnationTolerance(double t) {
    if (!(t >= 0 && t < 1)) {
      throw new IllegalArgumentException("stagnation tolerance must be in [0, 1), got " + t);
    }
    this.stagnationTolerance = t;
    return this;
  }

  public double divergenceFactor() {
    return divergenceFactor;
  }

  /** Declare divergence when the residual exceeds this multiple of the best one. */
  public SolverSettings divergenceFactor(double f) {
    if (!(f > 1) || Double.isInfinite(f)) {
      throw new IllegalArgumentException("divergence factor must be a finite number > 1, got " + f);
    }
    this.divergenceFactor = f;
    return this;
  }

  public int threads() {
    return threads;
  }

  public SolverSettings threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("number of threads must be ≥ 1, got " + n);
    }
    this.threads = n;
    return this;
  }

  public double validationFraction() {
    return validationFraction;
  }

  /**
   * Early stopping: hold out this fraction of the rows (seeded), choose the number of
   * iterations that minimises the error on them, then fit all rows for that many iterations.
   * 0 = off. Ignored when either part would have fewer than 10 rows.
   */
  public SolverSettings validationFraction(double f) {
    if (!(f >= 0 && f < 1)) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + f);
    }
    this.validationFraction = f;
    return this;
  }

  /** An independent copy (the listener is shared). */
  public SolverSettings copy() {
    SolverSettings c = new SolverSettings();
    c.method = method;
    c.rank = rank;
    c.maxIterations = maxIterations;
    c.tolerance = tolerance;
    c.stepRule = stepRule;
    c.blockSize = blockSize;
    c.krylovDepth = krylovDepth;
    c.freshSamplingBatches = freshSamplingBatches;
    c.fitLinear = fitLinear;
    c.seed = seed;
    c.stagnationPatience = stagnationPatience;
    c.stagnationTolerance = stagnationTolerance;
    c.divergenceFactor = divergenceFactor;
    c.threads = threads;
    c.warmStart = warmStart;
    c.warmDepth = warmDepth;
    c.refitCore = refitCore;
    c.validationFraction = validationFraction;
    c.ridge = ridge;
    c.validationRuns = validationRuns;
    c.listener = listener;
    return c;
  }

  public boolean refitCore() {
    return refitCore;
  }

  /** After each update, refit the r×r core S (and c) by least squares on span U (CoreRefit). */
  public SolverSettings refitCore(boolean f) {
    this.refitCore = f;
    return this;
  }

  public boolean warmStart() {
    return warmStart;
  }

  /**
   * Start each iteration's Krylov block from the previous iteration's head instead of a fresh
   * Gaussian block (AP-ROM only).
   */
  public SolverSettings warmStart(boolean w) {
    this.warmStart = w;
    return this;
  }

  public int warmDepth() {
    return warmDepth;
  }

  /**
   * Krylov depth used on warm-started iterations; 0 = automatic, max(2, ⌈q/2⌉) (measured at
   * p = 100, m = 16pr: the same iterations as a cold head of depth q with 30 % fewer products).
   */
  public SolverSettings warmDepth(int q) {
    if (q < 0) {
      throw new IllegalArgumentException("warm Krylov depth must be ≥ 0 (0 = automatic), got "
          + q);
    }
    this.warmDepth = q;
    return this;
  }

  public int validationRuns() {
    return validationRuns;
  }

  /**
   * Number of validation runs the iteration count is chosen from (by their mean held-out
   * error), each holding out a different fraction of the rows; with fraction 1/n, n-fold
   * cross-validation. One run is a single held-out split.
   */
  public SolverSettings validationRuns(int n) {
    if (n < 1 || n > MAX_VALIDATION_RUNS) {
      throw new IllegalArgumentException("validation runs must be between 1 and "
          + MAX_VALIDATION_RUNS + ", got " + n);
    }
    this.validationRuns = n;
    return this;
  }

  public double ridge() {
    return ridge;
  }

  /**
   * λ of the ridge penalty: the solver minimises (1/2W) Σ w_i d_i² + (λ/2)(‖L‖_F² + ‖β‖²) over
   * rank(L) ≤ r, in the standardised coordinates the caller supplies (the bias c is not
   * penalised). 0 = no penalty, the papers' least-squares problem.
   */
  public SolverSettings ridge(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("ridge must be a finite number ≥ 0, got " + lambda);
    }
    this.ridge = lambda;
    return this;
  }

  public IterationListener listener() {
    return listener;
  }

  public SolverSettings listener(IterationListener l) {
    this.listener = l;
    return this;
  }
}
