package polynomialnetwork.engine;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.linalg.Linalg;

/**
 * The pass that finds, for each hidden unit j, the smallest and largest activation w_jᵀx_i over
 * the rows of positive weight ({@link QuadraticNetwork#withActivationRange}). Returns {lo, hi};
 * with no such row lo = +∞ and hi = −∞.
 */
final class ActivationRanges implements BlockAggregator<double[][]> {

  private static final long serialVersionUID = 1L;

  private final double[][] weights;

  ActivationRanges(double[][] weights) {
    this.weights = weights;
  }

  @Override
  public double[][] zero() {
    double[] lo = new double[weights.length];
    double[] hi = new double[weights.length];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    return new double[][] {lo, hi};
  }

  @Override
  public double[][] add(double[][] acc, RowBlock block, BlockState state) {
    int p = block.cols();
    double[] row = new double[p];
    for (int i = 0; i < block.rows(); i++) {
      if (!(block.weight(i) > 0)) {
        continue;
      }
      System.arraycopy(block.values(), i * p, row, 0, p);
      for (int j = 0; j < weights.length; j++) {
        double z = Linalg.dot(weights[j], row);
        acc[0][j] = Math.min(acc[0][j], z);
        acc[1][j] = Math.max(acc[1][j], z);
      }
    }
    return acc;
  }

  @Override
  public double[][] merge(double[][] acc, double[][] other) {
    for (int j = 0; j < weights.length; j++) {
      acc[0][j] = Math.min(acc[0][j], other[0][j]);
      acc[1][j] = Math.max(acc[1][j], other[1][j]);
    }
    return acc;
  }
}
