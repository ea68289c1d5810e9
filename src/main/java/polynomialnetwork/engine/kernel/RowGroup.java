package polynomialnetwork.engine.kernel;

/**
 * Four consecutive rows of a block, as a {@link PassKernel} reads them in a fused pass
 * (doc/algorithms.md §9): {@link #load} once, then t = Bᵀx for the four rows ({@link #project}),
 * then the output axpys z += Σ_q s_q x_q. Loading is where a kernel may rearrange the rows once
 * for all the products that follow ({@link PortablePassKernel} copies them into arrays of their
 * own). Created by {@link PassKernels#rowGroup} for a column count p; not shared between
 * threads.
 */
abstract class RowGroup {

  protected final int p;

  protected RowGroup(int p) {
    this.p = p;
  }

  /** Makes the four rows starting at offset {@code o} of the row-major block the current ones. */
  public abstract void load(double[] blk, int o);

  /** t[q·k + c] = x_qᵀ b[c] for the four rows q = 0..3 and the k columns of b. */
  public abstract void project(double[][] b, int k, double[] t);

  /** z[j] += Σ_q s_q x_q[j] and y[j] += Σ_q u_q x_q[j], q = 0..3, for all j < p. */
  public abstract void accumulate2(double s0, double s1, double s2, double s3, double[] z,
      double u0, double u1, double u2, double u3, double[] y);

  /** z[j] += Σ_q s_q x_q[j], q = 0..3, for all j < p. */
  public abstract void accumulate(double s0, double s1, double s2, double s3, double[] z);
}
