package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.QuadraticNetwork;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a fit returns: the best iterate, the network it defines, the trace and why it stopped. */
public final class FitResult {

  /** Why the iteration ended. */
  public enum StopReason {
    /** ‖d‖/‖y‖ fell to the tolerance. */
    CONVERGED("relative residual reached the tolerance"),
    /** The iteration budget was used up. */
    MAX_ITERATIONS("maximum number of iterations reached"),
    /** No significant new best residual for the patience window. */
    STAGNATED("residual stopped improving"),
    /** The residual grew far past the best one or became non-finite; the best iterate is kept. */
    DIVERGED("residual diverged; the best iterate was kept"),
    /** The thread was interrupted; the best iterate so far is kept. */
    INTERRUPTED("interrupted; the best iterate so far was kept"),
    /** y is identically zero, so is the model. */
    ZERO_TARGET("the target is zero everywhere (a constant class, once centred)"),
    /** The error on held-out rows stopped improving (validation run only). */
    VALIDATION_STOPPED("the error on the held-out rows stopped improving");

    private final String description;

    StopReason(String d) {
      this.description = d;
    }

    public String description() {
      return description;
    }
  }

  /** One line of the trace: the state after {@code iteration} updates. */
  public static final class IterationRecord {
    public final int iteration;
    public final double relativeResidual;
    public final double rmse;
    /** Step size used on L to reach this state (NaN for the initial state). */
    public final double stepL;
    /** Step size used on (β, c) to reach this state (NaN for the initial state or no linear). */
    public final double stepLinear;
    /** Seconds since the fit started. */
    public final double seconds;
    /** Operator products (in columns) the head spent on this step. */
    public final int productColumns;
    /** RMSE on the held-out rows (NaN without validation). */
    public final double validationRmse;
    /**
     * The fraction of the rows this iteration ran on: below 1 on the sampled start
     * (doc/algorithms.md §3.10), whose errors are those of the sample's rows.
     */
    public final double rowFraction;

    IterationRecord(int iteration, double relativeResidual, double rmse, double stepL,
        double stepLinear, double seconds, int productColumns) {
      this(iteration, relativeResidual, rmse, stepL, stepLinear, seconds, productColumns,
          Double.NaN);
    }

    IterationRecord(int iteration, double relativeResidual, double rmse, double stepL,
        double stepLinear, double seconds, int productColumns, double validationRmse) {
      this(iteration, relativeResidual, rmse, stepL, stepLinear, seconds, productColumns,
          validationRmse, 1);
    }

    IterationRecord(int iteration, double relativeResidual, double rmse, double stepL,
        double stepLinear, double seconds, int productColumns, double validationRmse,
        double rowFraction) {
      this.rowFraction = rowFraction;
      this.validationRmse = validationRmse;
      this.iteration = iteration;
      this.relativeResidual = relativeResidual;
      this.rmse = rmse;
      this.stepL = stepL;
      this.stepLinear = stepLinear;
      this.seconds = seconds;
      this.productColumns = productColumns;
    }

    /**
     * "iteration k", or "sample iteration k (x % of the rows)" on the sampled start: how the
     * progress lines of TrainOnSpark and the scale run name an iteration.
     */
    public String progressLabel() {
      return rowFraction < 1 ? String.format(java.util.Locale.ROOT,
          "sample iteration %d (%.4g %% of the rows)", iteration, 100 * rowFraction)
          : "iteration " + iteration;
    }

    @Override
    public String toString() {
      return (rowFraction < 1 ? String.format(java.util.Locale.ROOT, "sample %5.2f%% ",
          100 * rowFraction) : "") + String.format(java.util.Locale.ROOT,
          "iter %4d  rel.residual %.3e  rmse %.6g  step %.4g  %.3fs", iteration,
          relativeResidual, rmse, stepL, seconds)
          + (Double.isNaN(validationRmse) ? "" : String.format(java.util.Locale.ROOT,
              "  validation rmse %.6g", validationRmse));
    }
  }

  private final FactoredSymmetric interaction;
  private final double[] linear;
  private final double bias;
  private final QuadraticNetwork network;
  private final List<IterationRecord> trace;
  private final StopReason stopReason;
  private final int iterations;
  private final int bestIteration;
  private final double seconds;
  private final FitResult validationRun;
  private final int validationRuns;
  private final double[] validationCurve;
  private final int chosenIterations;
  private final boolean linearFallback;
  /** ‖d‖/‖y‖ of the linear model that replaced the network (NaN otherwise). */
  private final double linearRelativeResidual;
  /** With the automatic choice of r: the best held-out RMSE of rank r at index r − 1. */
  private double[] rankScores;
  /** The records of the iterations on row samples before the trace's (§3.10). */
  private final List<IterationRecord> sampledTrace;

  FitResult(FactoredSymmetric interaction, double[] linear, double bias,
      List<IterationRecord> trace, StopReason stopReason, int iterations, int bestIteration,
      double seconds) {
    this(interaction, linear, bias, trace, stopReason, iterations, bestIteration, seconds,
        Collections.emptyList());
  }

  FitResult(FactoredSymmetric interaction, double[] linear, double bias,
      List<IterationRecord> trace, StopReason stopReason, int iterations, int bestIteration,
      double seconds, List<IterationRecord> sampledTrace) {
    this(interaction, linear, bias, QuadraticNetwork.fromFactored(interaction, linear, bias),
        Collections.unmodifiableList(trace), stopReason, iterations, bestIteration, seconds, null,
        false, 0, null, -1, false, Double.NaN,
        Collections.unmodifiableList(new ArrayList<>(sampledTrace)));
  }

  /**
   * Every field; the others delegate here (a validated copy shares the network it was made
   * from instead of building it again). {@code selfValidated} makes this result its own
   * validation run (a probe that needed no refit), which a caller cannot pass as {@code this}.
   */
  private FitResult(FactoredSymmetric interaction, double[] linear, double bias,
      QuadraticNetwork network, List<IterationRecord> trace, StopReason stopReason,
      int iterations, int bestIteration, double seconds, FitResult validationRun,
      boolean selfValidated, int validationRuns,
      double[] validationCurve, int chosenIterations, boolean linearFallback,
      double linearRelativeResidual, List<IterationRecord> sampledTrace) {
    this.sampledTrace = sampledTrace;
    this.interaction = interaction;
    this.linear = linear;
    this.bias = bias;
    this.network = network;
    this.trace = trace;
    this.stopReason = stopReason;
    this.iterations = iterations;
    this.bestIteration = bestIteration;
    this.seconds = seconds;
    this.validationRun = selfValidated ? this : validationRun;
    this.validationRuns = validationRuns;
    this.validationCurve = validationCurve;
    this.chosenIterations = chosenIterations;
    this.linearFallback = linearFallback;
    this.linearRelativeResidual = linearRelativeResidual;
  }

  /** A copy of {@code fit} whose model is replaced by the linear model (β, c), L = 0. */
  FitResult withLinearModel(double[] beta, double c, double relativeResidual) {
    FactoredSymmetric none = FactoredSymmetric.zero(interaction.dimension());
    double[] b = beta.clone();
    return new FitResult(none, b, c, QuadraticNetwork.fromFactored(none, b, c), trace,
        stopReason, iterations, bestIteration, seconds, validationRun, validationRun == this,
        validationRuns, validationCurve, chosenIterations, true, relativeResidual, sampledTrace);
  }

  /** This fit, with the scores of the automatic rank choice that preceded it. */
  FitResult withRankScores(double[] scores) {
    FitResult copy = new FitResult(interaction, linear, bias, network, trace, stopReason,
        iterations, bestIteration, seconds, validationRun, validationRun == this, validationRuns,
        validationCurve, chosenIterations, linearFallback, linearRelativeResidual, sampledTrace);
    copy.rankScores = scores.clone();
    return copy;
  }

  /**
   * With the automatic choice of r ({@link RankSelection}): the best mean held-out RMSE of rank
   * r at index r − 1, NaN for ranks not tried; else null.
   */
  public double[] rankScores() {
    return rankScores == null ? null : rankScores.clone();
  }

  /**
   * True when the network fitted worse on the training rows than the best linear model, which
   * was returned instead (no hidden units).
   */
  public boolean linearFallback() {
    return linearFallback;
  }

  /**
   * This fit, as chosen by validation.
   *
   * @param run the first validation run (this fit itself when it needed no refit)
   * @param runs number of validation runs
   * @param curve their mean held-out RMSE per iteration, or null
   * @param chosen the iteration count validation chose
   * @param validationSeconds time spent in the validation runs
   */
  FitResult withValidation(FitResult run, int runs, double[] curve, int chosen,
      double validationSeconds) {
    // a probe that needed no refit is its own validation run, and its time is already counted
    return new FitResult(interaction, linear, bias, network, trace, stopReason, iterations,
        bestIteration, run == this ? seconds : seconds + validationSeconds, run, run == this, runs,
        curve == null ? null : curve.clone(), chosen, linearFallback, linearRelativeResidual,
        sampledTrace);
  }

  /** Number of validation runs the iteration count was chosen from (0 without validation). */
  public int validationRuns() {
    return validationRuns;
  }

  /**
   * The number of iterations validation chose: where the mean held-out error of the runs was
   * lowest (−1 without validation).
   */
  public int chosenIterations() {
    return chosenIterations;
  }

  /** Mean held-out RMSE of the validation runs per iteration, or null. */
  public double[] validationCurve() {
    return validationCurve == null ? null : validationCurve.clone();
  }

  /**
   * The early-stopping run on the training part, whose best iteration (by the error on the
   * held-out rows) fixed the number of iterations of this fit; null without validation.
   */
  public FitResult validationRun() {
    return validationRun;
  }

  /** L̂ = U diag(s) Uᵀ, the returned (best) iterate. */
  public FactoredSymmetric interaction() {
    return interaction;
  }

  /** β̂, or null without a linear term. */
  public double[] linearTerm() {
    return linear == null ? null : linear.clone();
  }

  public double bias() {
    return bias;
  }

  /** α_j = λ_j, w_j = unit eigenvectors, sorted by |α|. */
  public QuadraticNetwork network() {
    return network;
  }

  /**
   * One record per state evaluated on all of the run's rows, iteration 0 being L = 0, or the
   * sampled start's iterate when there is a {@link #sampledTrace()}.
   */
  public List<IterationRecord> trace() {
    return trace;
  }

  /**
   * One record per iteration on a row sample before the {@link #trace()} (doc/algorithms.md
   * §3.10), each with its {@link IterationRecord#rowFraction}; empty when the run started from
   * zero on all rows.
   */
  public List<IterationRecord> sampledTrace() {
    return sampledTrace;
  }

  public StopReason stopReason() {
    return stopReason;
  }

  /** Number of updates performed. */
  public int iterations() {
    return iterations;
  }

  /** The iteration whose state is returned. */
  public int bestIteration() {
    return bestIteration;
  }

  public double bestRelativeResidual() {
    return linearFallback ? linearRelativeResidual : trace.get(bestIteration).relativeResidual;
  }

  public double seconds() {
    return seconds;
  }
}
