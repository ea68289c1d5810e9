/**
 * The problem side of a fit: an {@link polynomialnetwork.engine.objective.Objective} is a loss on
 * the training rows, and everything that reads a row for it — the per-row state, the evaluation,
 * the gradient's products, the step model along an update direction, the linear model and core
 * refit, the rows' split for validation and fresh sampling — lives here, with its speed-ups
 * private. The squared loss ({@link polynomialnetwork.engine.objective.SquaredLoss}) is one
 * implementation. Uses {@code linalg}, {@code data} and {@code kernel}.
 */
package polynomialnetwork.engine.objective;
