package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.objective.Objective;

/**
 * The nested row samples a fit's early iterations run on (doc/algorithms.md §3.10), built once
 * per fit and shared by its runs (validation runs, the refit, the ranks tried): level k holds the
 * rows whose sample hash is below {@link #LARGEST}/2^k, so each level holds the ones after it.
 *
 * <p>The first level of a run is the smallest that holds at least {@link #ROWS_PER_UNKNOWN}·p·r
 * rows and at least {@link #MIN_FIRST_SAMPLE}, p·r being about the number of unknowns of L: the early iterations only need L's rough
 * subspace, which that many rows determine about as well as all of them. Measured on planted
 * data (p = 200, r = 5, noiseless, head steps then tangent steps): 5 000 rows (5·p·r) converge
 * in 96 passes over them, 10 000 in 68, 20 000 in 54, so a pass over a quarter of the rows buys
 * more than a quarter of a full pass's progress; 2 500 rows (2.5·p·r) failed to recover L.
 */
final class RowSamples implements AutoCloseable {

  /** Rows of a run's first sample per unknown of L (p·r). */
  static final double ROWS_PER_UNKNOWN = 5;
  /**
   * The fewest rows a first sample holds, so that the sampled start runs only on data of at least
   * four times as many rows: on fewer a fit takes a fraction of a second with all rows, and a
   * noisy sample of a few hundred rows would steer the early iterations by its own noise.
   */
  static final int MIN_FIRST_SAMPLE = 2000;
  /**
   * The largest sample, a fraction of the rows: a larger one costs nearly what all rows do per
   * iteration, and the copies of all levels together stay below half the rows.
   */
  static final double LARGEST = 0.25;
  /**
   * The number of levels, LARGEST down to LARGEST/2^(LEVELS−1) = 1/64 of the rows: a smaller
   * sample saves little more on a large data set, where a pass over 1/64 of the rows costs
   * mostly its scheduling, and would need more levels to grow through.
   */
  static final int LEVELS = 5;

  /**
   * A sample holding more than this multiple of its share of the rows is not used: its rows are
   * mostly copies of a few (identical rows hash alike, so they are in or out together), and the
   * copies of all levels could each hold nearly all rows. A true sample of at least 2 000 rows
   * exceeds its share by 1.5 with probability below 10⁻¹⁰⁰.
   */
  static final double MAX_OVERSHOOT = 1.5;

  private final Objective objective;
  private final SolverSettings settings;
  private final int iterationCap;
  private final Objective[] levels = new Objective[LEVELS];
  private final boolean[] tried = new boolean[LEVELS];

  /**
   * @param objective the loss on all rows
   * @param settings the fit's settings: the seed, the validation runs (each sample is split as
   *     all rows are) and the iteration budget, which also caps a run's iterations on samples
   */
  RowSamples(Objective objective, SolverSettings settings) {
    this.objective = objective;
    this.settings = settings;
    this.iterationCap = settings.maxIterations();
  }

  /** The fraction of the rows level k holds. */
  static double fraction(int level) {
    return LARGEST / (1 << level);
  }

  /**
   * The level a run of rank r starts on, or −1 for none (the iterations run on all rows): off,
   * fresh sampling, or fewer rows than max({@link #ROWS_PER_UNKNOWN}·p·r,
   * {@link #MIN_FIRST_SAMPLE})/{@link #LARGEST}.
   */
  int firstLevel(int rank) {
    if (!settings.sampledStart() || settings.freshSamplingBatches() > 1) {
      return -1;
    }
    double needed = Math.max(MIN_FIRST_SAMPLE,
        ROWS_PER_UNKNOWN * objective.dimension() * Math.max(1, rank)) / (double) objective.rows();
    int level = -1;
    while (level + 1 < LEVELS && fraction(level + 1) >= needed) {
      level++;
    }
    return level;
  }

  /** At most this many iterations of a run run on samples (the fit's iteration budget). */
  int iterationCap() {
    return iterationCap;
  }

  /**
   * The loss on level k's rows, built on first use (one read of all rows, and one more when the
   * fit holds rows out, to split the sample's rows as all rows are split); null when the loss
   * does not sample, or the sample is empty or holds more than {@link #MAX_OVERSHOOT} times its
   * share of the rows.
   */
  Objective level(int k) {
    if (!tried[k]) {
      tried[k] = true;
      levels[k] = objective.sample(settings.seed(), fraction(k));
      if (levels[k] != null
          && levels[k].rows() > MAX_OVERSHOOT * fraction(k) * objective.rows()) {
        levels[k].release();
        levels[k] = null;
      }
      if (levels[k] != null && settings.validationFraction() > 0) {
        levels[k].splitRows(settings.seed(), settings.validationFraction(),
            settings.validationRuns());
      }
    }
    return levels[k];
  }

  /** Frees the samples' copies of the rows. */
  @Override
  public void close() {
    for (int k = 0; k < LEVELS; k++) {
      if (levels[k] != null) {
        levels[k].release();
        levels[k] = null;
      }
    }
  }
}
