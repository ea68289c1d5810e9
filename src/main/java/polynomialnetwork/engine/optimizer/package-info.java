/**
 * The optimizer side of a fit: EP-ROM and AP-ROM (Soltani &amp; Hegde), entered through
 * {@link polynomialnetwork.engine.optimizer.RecoverySolver} — the loop, the exact-projection and
 * head–tail updates with the block Krylov head, the step rules, stopping, early stopping by
 * validation runs, the automatic rank, the linear baseline — and its settings and result. It
 * asks an {@link polynomialnetwork.engine.objective.Objective} for values and never sees a row or
 * a per-row array: its one entry, {@code RecoverySolver.fit(Objective, SolverSettings)}, takes
 * the loss made by its caller. Uses {@code linalg}, {@code objective}, the model package, and of
 * {@code data} only the interrupt ({@code SolverInterruptedException}, {@code EvenIfInterrupted}).
 */
package polynomialnetwork.engine.optimizer;
