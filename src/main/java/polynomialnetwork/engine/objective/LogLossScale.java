package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;

/**
 * The log-loss's scale of a run: the zero model (every score 0, every class equally likely) loses
 * log k per unit weight, so F_0 = 2 W log k. The relative error is F / F_0 (1 at the zero model,
 * 0 only for certainty on every row); the per-row error is the weighted mean log-loss F / 2W in
 * nats, on the fitted and on the held-out rows.
 */
final class LogLossScale implements LossScale {

  private final double fittedWeight;
  private final double heldOutWeight;
  private final double zeroLoss;

  LogLossScale(double fittedWeight, double heldOutWeight, double zeroLoss) {
    this.fittedWeight = fittedWeight;
    this.heldOutWeight = heldOutWeight;
    this.zeroLoss = zeroLoss;
  }

  /** One pass: the weights of the rows {@code selection} fits on and holds out. */
  static LogLossScale of(RowBlocks blocks, RowSelection selection, double zeroLoss) {
    double[] w = blocks.aggregate(new BlockAggregator<double[]>() {
      private static final long serialVersionUID = 1L;

      @Override
      public double[] zero() {
        return new double[2];
      }

      @Override
      public double[] add(double[] acc, RowBlock block, BlockState state) {
        double[] split = LogLossRows.of(state).split;
        for (int i = 0; i < block.rows(); i++) {
          acc[selection.heldOut(split, i) ? 1 : 0] += block.weight(i);
        }
        return acc;
      }

      @Override
      public double[] merge(double[] acc, double[] other) {
        acc[0] += other[0];
        acc[1] += other[1];
        return acc;
      }
    });
    return new LogLossScale(w[0], w[1], zeroLoss);
  }

  @Override
  public boolean degenerate() {
    return !(fittedWeight > 0);
  }

  @Override
  public double fittedWeight() {
    return fittedWeight;
  }

  /** F / 2W log k. */
  @Override
  public double relative(double fittedLoss) {
    return fittedLoss / (2 * fittedWeight * zeroLoss);
  }

  /** The weighted mean log-loss on the fitted rows, in nats. */
  @Override
  public double fittedError(double fittedLoss) {
    return fittedLoss / (2 * fittedWeight);
  }

  /** The weighted mean log-loss on the held-out rows, in nats. */
  @Override
  public double heldOutError(double heldOutLoss) {
    return heldOutLoss / (2 * heldOutWeight);
  }

  @Override
  public double zeroFittedError() {
    return zeroLoss;
  }

  @Override
  public double zeroHeldOutError() {
    return zeroLoss;
  }
}
