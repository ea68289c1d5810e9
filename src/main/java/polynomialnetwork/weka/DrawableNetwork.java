package polynomialnetwork.weka;

import polynomialnetwork.engine.QuadraticNetwork;

/**
 * What {@link NetworkPicture} draws: a trained network, the names of its input columns and its
 * training curve. The classifier provides them; the picture needs nothing else of it.
 */
public interface DrawableNetwork {

  /** The network on standardized inputs, or null before training or for a constant model. */
  QuadraticNetwork getNetwork();

  /** The input columns' names after indicator coding, or null before training. */
  String[] getColumnNames();

  /** The training curve, or null when none was kept. */
  TrainingCurve getTrainingCurve();
}
