package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;

/**
 * The pass that sums the weights and the weighted squared targets, Σ w_i and Σ w_i y_i², over
 * the fitted and over the held-out rows of a selection: {fitted weight, fitted squares, held-out
 * weight, held-out squares}, the zero model's squared loss ({@link SquaredErrorScale}).
 */
final class TargetTotals implements BlockAggregator<double[]> {

  private static final long serialVersionUID = 1L;

  private final RowSelection selection;

  private TargetTotals(RowSelection selection) {
    this.selection = selection;
  }

  /** The scale of the rows {@code selection} fits on and holds out: one pass. */
  static SquaredErrorScale of(RowBlocks blocks, RowSelection selection) {
    double[] sums = blocks.aggregate(new TargetTotals(selection));
    return new SquaredErrorScale(sums[0], sums[1], sums[2], sums[3]);
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
}
