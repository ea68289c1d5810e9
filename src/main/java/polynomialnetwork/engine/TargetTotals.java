package polynomialnetwork.engine;

/**
 * The pass that sums the weights and the weighted squared targets, Σ w_i and Σ w_i y_i², over
 * the fitted and over the held-out rows of a selection: the scale the solver's relative residual
 * and RMSEs are measured against.
 */
final class TargetTotals implements BlockAggregator<double[]> {

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
  public double[] add(double[] acc, RowBlock block, RowState state) {
    for (int i = 0; i < block.rows(); i++) {
      double w = block.weight(i);
      double y = block.target(i);
      int at = selection.heldOut(state, i) ? 2 : 0;
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
}
