/**
 * The trained model and what it needs to predict: {@link polynomialnetwork.engine.QuadraticNetwork}
 * (f(x) = Σⱼ αⱼ(wⱼᵀx)² + βᵀx + c with its activation ranges), the
 * {@link polynomialnetwork.engine.Standardization} of inputs and target, the prediction bounds
 * and {@link polynomialnetwork.engine.PredictionSettings}. These classes are what a saved Weka
 * model holds, so their names and serialized forms are fixed.
 *
 * <p>The engine's rooms, which depend one way (each may use only those listed before it):
 * {@code linalg} (dense linear algebra), {@code data} (the data seam: row blocks, their state,
 * the back ends), {@code kernel} (the inner loops of a pass), {@code objective} (a loss and
 * every pass over rows it needs), this package (the model), {@code optimizer} (EP-ROM and
 * AP-ROM, which never see a row). This package uses {@code linalg}, {@code data} and, for a
 * nominal class, {@code objective}'s {@code ClassScores} (where each class's score sits in the
 * lifted problem the model was fitted in).
 */
package polynomialnetwork.engine;
