package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.objective.LossScale;
import polynomialnetwork.engine.objective.Objective;
import polynomialnetwork.engine.objective.RowSelection;

/**
 * Never worse than linear (doc/algorithms.md §4.6): compares a fit with the objective's best
 * (ridge-penalised) linear model on all training rows, by the objective the solver minimises,
 * and keeps the better.
 */
final class LinearBaseline {

  private LinearBaseline() {
  }

  static FitResult notWorseThanLinear(Objective objective, SolverSettings settings,
      FitResult fit) {
    int p = objective.dimension();
    int q = objective.linearDimension();
    if (!settings.fitLinear() || fit.stopReason() == FitResult.StopReason.ZERO_TARGET
        // fitted to the tolerance: no model is better by more than the tolerance
        || fit.stopReason() == FitResult.StopReason.CONVERGED
        || objective.rows() <= 2L * (q + 1)) {
      // with fewer than two rows per linear parameter the least-squares model (nearly)
      // interpolates the training rows: "better on the training rows" would then prefer a
      // model that has merely memorised them
      return fit;
    }
    double[] linear = objective.linearModel(settings.ridge());
    if (!Linalg.allFinite(linear)) {
      return fit;
    }
    double[] beta = java.util.Arrays.copyOf(linear, q);
    FactoredSymmetric none = FactoredSymmetric.zero(p);
    double lin = objective.loss(none, beta, linear[q], RowSelection.ALL);
    double net = objective.loss(fit.interaction(), fit.linearTerm(), fit.bias(),
        RowSelection.ALL);
    LossScale scale = objective.scale(RowSelection.ALL);
    double linRel = scale.relative(lin);
    double ridge = settings.ridge();
    lin += scale.penalty(ridge, none, beta);
    net += scale.penalty(ridge, fit.interaction(), fit.linearTerm());
    // a margin of rounding: a network that is the linear model (L = 0) is kept as it is
    boolean linearBetter = lin < net * (1 - 1e-9) || Double.isNaN(net);
    return linearBetter ? fit.withLinearModel(beta, linear[q], linRel) : fit;
  }
}
