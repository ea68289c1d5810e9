/**
 * The inner loops of a pass over a row block (doc/algorithms.md §9): for each group of four
 * rows, projections t = Bᵀx and output axpys z += Σ s x
 * ({@link polynomialnetwork.engine.kernel.FusedRowPass}), done by a
 * {@link polynomialnetwork.engine.kernel.PassKernel}: portable Java, or the Vector API kernel in
 * {@code kernel.vector} when the JVM has {@code jdk.incubator.vector}. Uses {@code linalg} and
 * {@code data}.
 */
package polynomialnetwork.engine.kernel;
