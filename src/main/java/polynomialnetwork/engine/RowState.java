package polynomialnetwork.engine;

import java.io.Serializable;

/**
 * What the solver keeps per row, held beside the row's {@link RowBlock} rather than in arrays of
 * length m: the residual at the last evaluated iterate and the one before (the momentum step
 * needs their difference), the weighted residual on the rows the current gradient is taken over
 * (what every Krylov product reads), and the row's seeded hash numbers that decide its
 * validation fold and fresh-sampling batch.
 *
 * <p>A pass that changes the state replaces arrays and never writes into an array it found
 * there: a distributed back end can then keep the old state until the new one is safe, and
 * recompute a lost block from it. The one exception, {@link #headProjections}, is kept only by
 * back ends that never retry a pass ({@link RowBlocks#cheapStateUpdates()}).
 */
public final class RowState implements Serializable {

  private static final long serialVersionUID = 1L;

  /** d_i = ŷ_i − y_i at the last evaluation, or null before the first. */
  double[] residual;
  /** d at the evaluation before that, or null. */
  double[] previousResidual;
  /** w_i d_i on the rows the gradient is taken over, 0 elsewhere; null before the first. */
  double[] weightedResidual;
  /** u_i ∈ [0, 1) of the validation split, or null before {@link SplitHashes} ran. */
  double[] split;
  /** v_i ∈ [0, 1) of the fresh-sampling batches, or null before {@link SplitHashes} ran. */
  double[] batch;
  /**
   * Vᵀx_i of the last step search's head V (an array of the block's rows per column of V), kept
   * when the next head starts from V, so that the evaluation need not project the rows onto V
   * again; null when not kept.
   */
  double[][] headProjections;
  /** Which step search {@link #headProjections} came from (0 for none). */
  long headProjectionsTag;

  /** A shallow copy: the arrays are shared, which is safe because passes replace them. */
  public RowState copy() {
    RowState c = new RowState();
    c.residual = residual;
    c.previousResidual = previousResidual;
    c.weightedResidual = weightedResidual;
    c.split = split;
    c.batch = batch;
    c.headProjections = headProjections;
    c.headProjectionsTag = headProjectionsTag;
    return c;
  }
}
