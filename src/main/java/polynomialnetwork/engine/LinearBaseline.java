package polynomialnetwork.engine;

/**
 * Never worse than linear (doc/algorithms.md §4.6): compares a fit with the (ridge-)least-
 * squares linear model on all training rows, by the objective the solver minimises, and keeps
 * the better. The linear model costs a few tens of one-column passes ({@link LinearLeastSquares}).
 */
final class LinearBaseline {

  private LinearBaseline() {
  }

  static FitResult notWorseThanLinear(RowBlocks blocks, SolverSettings settings, FitResult fit) {
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
    lin += ridge * w * PenalizedGradient.parameterNormSquared(FactoredSymmetric.zero(p), beta);
    net += ridge * w * PenalizedGradient.parameterNormSquared(fit.interaction(), fit.linearTerm());
    // a margin of rounding: a network that is the linear model (L = 0) is kept as it is
    boolean linearBetter = lin < net * (1 - 1e-9) || Double.isNaN(net);
    return linearBetter ? fit.withLinearModel(beta, linear[p], linRel) : fit;
  }
}
