package polynomialnetwork.engine;

import polynomialnetwork.engine.data.EvenIfInterrupted;
import polynomialnetwork.engine.data.RowBlocks;

/**
 * The network a fit leaves, made ready to predict: its activations clamped to the range they
 * take on the training rows ({@link QuadraticNetwork#withActivationRange}), and its weighted RMSE
 * on those rows as it predicts (clamping included), in the rows' standardized units. Both are
 * passes through the seam; they run even when the fit was interrupted, since an interrupted fit
 * still returns its best iterate.
 */
public final class TrainedNetwork {

  /** The network with its activation ranges. */
  public final QuadraticNetwork network;
  /** Weighted RMSE of {@link #network} on the training rows (standardized target units). */
  public final double trainingRmse;

  private TrainedNetwork(QuadraticNetwork network, double trainingRmse) {
    this.network = network;
    this.trainingRmse = trainingRmse;
  }

  /**
   * @param fitted the network a fit returned
   * @param activationMargin the margin of {@link QuadraticNetwork#withActivationRange}; negative
   *     for no clamping
   */
  public static TrainedNetwork of(final RowBlocks blocks, final QuadraticNetwork fitted,
      final double activationMargin) {
    return EvenIfInterrupted.run(() -> {
      QuadraticNetwork net = fitted.withActivationRange(blocks, activationMargin);
      return new TrainedNetwork(net, PredictionError.rmse(blocks, net));
    });
  }
}
