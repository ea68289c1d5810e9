package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.objective.Objective;
import polynomialnetwork.engine.objective.RowSelection;
import polynomialnetwork.engine.objective.RowSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * A fit whose iteration count is chosen by validation runs: early stopping without losing data
 * (doc/algorithms.md §8.1). Runs on the training parts of the validation folds choose the number
 * of iterations by their mean error on the held-out parts, then the model is fitted on all rows
 * for that many iterations. Without validation it is a single run on all rows.
 */
final class ValidatedFit {

  /** Fewer held-out rows than this give a validation error too noisy to stop on. */
  static final int MIN_VALIDATION_ROWS = 10;

  private ValidatedFit() {
  }

  /**
   * One fit on all rows, or, with validation, the runs, the choice and the refit; each run
   * starting on {@code samples} (null: none).
   */
  static FitResult fit(Objective objective, SolverSettings settings, RowSamples samples) {
    RowSelection[] folds = validationFolds(objective, settings);
    if (folds == null) {
      return new SolverRun(objective, settings, RowSelection.ALL, samples).run();
    }
    List<FitResult> probes = validationRuns(objective, settings, folds, true, samples);
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
    SolverSettings full = settings.validationFraction(0).iterationBudget(chosen);
    FitResult result = new SolverRun(objective, full, RowSelection.ALL, samples).run();
    return result.withValidation(probes.get(0), probes.size(), curve, chosen,
        totalSeconds(probes));
  }

  /**
   * One run per fold, each holding that fold out; stops early after a run that was interrupted
   * and, when {@code stopWhenExact}, after a first run that {@link #explainsExactly explains the
   * data exactly}.
   */
  static List<FitResult> validationRuns(Objective objective, SolverSettings settings,
      RowSelection[] folds, boolean stopWhenExact, RowSamples samples) {
    List<FitResult> probes = new ArrayList<>();
    for (RowSelection holdout : folds) {
      FitResult probe = new SolverRun(objective, settings, holdout, samples).run();
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

  static int argmin(double[] v) {
    int best = 0;
    for (int t = 1; t < v.length; t++) {
      if (v[t] < v[best]) {
        best = t;
      }
    }
    return best;
  }

  private static double totalSeconds(List<FitResult> runs) {
    double s = 0;
    for (FitResult f : runs) {
      s += f.seconds();
    }
    return s;
  }

  /**
   * The hold-out of each validation run, or null when validation is off or a run would hold out
   * or keep fewer than {@link #MIN_VALIDATION_ROWS} rows. Run k holds out the rows with
   * frac(u − k/n) &lt; f ({@link RowSplit}), f the validation fraction and n the number of runs:
   * with f = 1/n the runs are the folds of an n-fold cross-validation; with n = 1, the rows with
   * u &lt; f.
   */
  static RowSelection[] validationFolds(Objective objective, SolverSettings settings) {
    double f = settings.validationFraction();
    int n = settings.validationRuns();
    if (f <= 0) {
      return null;
    }
    long[] held = objective.splitRows(settings.seed(), f, n);
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
}
