package polynomialnetwork.weka;

import polynomialnetwork.engine.QuadraticNetwork;

/**
 * What {@link NetworkPicture} draws: a trained network, the names of its input columns and its
 * training curve. The classifier provides them; the picture needs nothing else of it.
 */
public interface DrawableNetwork {

  /** The network on standardized inputs, or null before training or for a constant model. */
  QuadraticNetwork getNetwork();

  /**
   * The networks to draw: the one network of a regression, one score network per class (or the
   * one score of two classes) of a classifier; null before training or for a constant model.
   */
  default QuadraticNetwork[] getNetworks() {
    QuadraticNetwork n = getNetwork();
    return n == null ? null : new QuadraticNetwork[] {n};
  }

  /** A title per network of {@link #getNetworks()}, or null when there is one network. */
  default String[] getNetworkTitles() {
    return null;
  }

  /** The input columns' names after indicator coding, or null before training. */
  String[] getColumnNames();

  /** The training curve, or null when none was kept. */
  TrainingCurve getTrainingCurve();
}
