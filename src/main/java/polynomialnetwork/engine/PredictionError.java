package polynomialnetwork.engine;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;

/**
 * The pass that measures a network on the rows: {Σ w_i (ŷ_i − y_i)², Σ w_i}, with ŷ the network's
 * own prediction (clamped activations included), so the training error reported is that of the
 * model as it predicts.
 */
final class PredictionError implements BlockAggregator<double[]> {

  private static final long serialVersionUID = 1L;

  private final QuadraticNetwork network;

  PredictionError(QuadraticNetwork network) {
    this.network = network;
  }

  /** The weighted root-mean-square error of the network on the rows, in their units. */
  static double rmse(RowBlocks blocks, QuadraticNetwork network) {
    double[] s = blocks.aggregate(new PredictionError(network));
    return Math.sqrt(s[0] / s[1]);
  }

  @Override
  public double[] zero() {
    return new double[2];
  }

  @Override
  public double[] add(double[] acc, RowBlock block, BlockState state) {
    int p = block.cols();
    double[] row = new double[p];
    for (int i = 0; i < block.rows(); i++) {
      System.arraycopy(block.values(), i * p, row, 0, p);
      double w = block.weight(i);
      double e = network.predict(row) - block.target(i);
      acc[0] += w * e * e;
      acc[1] += w;
    }
    return acc;
  }

  @Override
  public double[] merge(double[] acc, double[] other) {
    acc[0] += other[0];
    acc[1] += other[1];
    return acc;
  }
}
