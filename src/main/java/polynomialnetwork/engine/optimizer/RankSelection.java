package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.objective.Objective;
import polynomialnetwork.engine.objective.RowSelection;
import java.util.List;

/**
 * The automatic choice of r (doc/algorithms.md §8.2): for r = 1, 2, … the validation runs of
 * {@link ValidatedFit} on the same folds, each rank scored by the lowest mean held-out RMSE;
 * the search stops after two ranks without a 0.1 % improvement, and the smallest rank within
 * {@link #RANK_TOLERANCE} of the best score is chosen. With too few rows to hold any out, r = 1
 * (the fewest parameters).
 */
public final class RankSelection {

  /** Held-out fraction used to choose the rank when the settings have no validation of their own. */
  static final double RANK_VALIDATION_FRACTION = 0.2;

  /**
   * A rank counts as good as the best one when its held-out RMSE is within this fraction of
   * the best: the smallest such rank is chosen, since extra hidden units mostly fit noise.
   */
  public static final double RANK_TOLERANCE = 0.01;

  /** The outcome of {@link #choose}. */
  public static final class Choice {
    /** The chosen number of hidden units. */
    public final int rank;
    /** Best held-out RMSE of rank r at index r − 1; NaN for ranks not tried. */
    public final double[] validationRmse;

    Choice(int rank, double[] validationRmse) {
      this.rank = rank;
      this.validationRmse = validationRmse;
    }
  }

  private RankSelection() {
  }

  /** Chooses r among 1 … min(maxRank, p) by the held-out loss of each rank's fit. */
  public static Choice choose(Objective objective, SolverSettings settings, int maxRank) {
    DenseMatrixBudget.require(objective.dimension(), settings.method(),
        Runtime.getRuntime().maxMemory());
    SolverSettings s = settings.validationFraction() > 0 ? settings
        : settings.validationFraction(RANK_VALIDATION_FRACTION);
    int rMax = Math.max(1, Math.min(maxRank, objective.dimension()));
    double[] score = new double[rMax];
    java.util.Arrays.fill(score, Double.NaN);
    RowSelection[] folds = ValidatedFit.validationFolds(objective, s);
    if (folds == null) {
      return new Choice(1, score);
    }
    double best = Double.POSITIVE_INFINITY;
    int worse = 0;
    try (RowSamples samples = new RowSamples(objective, s)) {
      for (int r = 1; r <= rMax; r++) {
        List<FitResult> probes = ValidatedFit.validationRuns(objective, s.rank(r), folds, false,
            samples);
        double[] curve = ValidatedFit.meanValidationCurve(probes);
        score[r - 1] = curve[ValidatedFit.argmin(curve)];
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
    }
    for (int r = 1; r <= rMax; r++) {
      if (score[r - 1] <= best * (1 + RANK_TOLERANCE)) {
        return new Choice(r, score);
      }
    }
    return new Choice(1, score);
  }
}
