package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;

/**
 * The pass that sums the weights and the weighted squared targets, Σ w_i and Σ w_i y_i², over
 * the fitted and over the held-out rows of a selection: the scale the solver's relative residual
 * and RMSEs are measured against.
 */
final class TargetTotals implements BlockAggregator<double[]>, LossScale {

  private static final long serialVersionUID = 1L;

  final double fittedWeight;
  final double fittedSquares;
  final double heldOutWeight;
  final double heldOutSquares;
  private final RowSelection selection;

  private TargetTotals(RowSelection selection, double[] sums) {
    this.selection = selection;
    this.fittedWeight = sums[0];
    this.fittedSquares = sums[1];
    this.heldOutWeight = sums[2];
    this.heldOutSquares = sums[3];
  }

  static TargetTotals of(RowBlocks blocks, RowSelection selection) {
    return new TargetTotals(selection,
        blocks.aggregate(new TargetTotals(selection, new double[4])));
  }

  @Override
  public double[] zero() {
    return new double[4];
  }

  @Override
  public double[] add(double[] acc, RowBlock block, BlockState state) {
    double[] split = SquaredLossRows.of(state).split;
    for (int i = 0; i < block.rows(); i++) {
      double w = block.weight(i);
      double y = block.target(i);
      int at = selection.heldOut(split, i) ? 2 : 0;
      acc[at] += w;
      acc[at + 1] += w * y * y;
    }
    return acc;
  }

  @Override
  public double[] merge(double[] acc, double[] other) {
    for (int j = 0; j < 4; j++) {
      acc[j] += other[j];
    }
    return acc;
  }

  @Override
  public boolean degenerate() {
    return !(Math.sqrt(fittedSquares) > 0) || !(fittedWeight > 0);
  }

  /** ‖d‖/‖y‖ on the fitted rows. */
  @Override
  public double relative(double fittedLoss) {
    return Math.sqrt(fittedLoss) / Math.sqrt(fittedSquares);
  }

  /** The weighted RMSE on the fitted rows. */
  @Override
  public double fittedError(double fittedLoss) {
    return Math.sqrt(fittedLoss / fittedWeight);
  }

  /** The weighted RMSE on the held-out rows. */
  @Override
  public double heldOutError(double heldOutLoss) {
    return Math.sqrt(heldOutLoss / heldOutWeight);
  }

  @Override
  public double zeroFittedError() {
    return Math.sqrt(fittedSquares) / Math.sqrt(fittedWeight);
  }

  @Override
  public double zeroHeldOutError() {
    return Math.sqrt(heldOutSquares / heldOutWeight);
  }

  /** λW‖θ‖², the penalty (λ/2)W‖θ‖² in the units of Σ w d². */
  @Override
  public double penalty(double ridge, double parameterNormSquared) {
    return ridge * fittedWeight * parameterNormSquared;
  }
}
