/**
 * Dense and factored linear algebra on small matrices (p×k bases, r×r cores, and the p×p
 * matrices of EP-ROM and AP-ROM-BK): symmetric matrices factored as U diag(s) Uᵀ
 * ({@link polynomialnetwork.engine.linalg.FactoredSymmetric}) or dense, their products, the
 * exact rank-r projection and tail, eigensolvers (hand-written for small problems, LAPACK's
 * partial solver for large ones). Uses nothing else of the engine.
 */
package polynomialnetwork.engine.linalg;
