package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockState;

/**
 * What the squared loss keeps per row, beside each block ({@link BlockState}): the residual at
 * the last evaluated iterate and the one before (the momentum step needs their difference), the
 * weighted residual on the rows the current gradient is taken over (what every Krylov product
 * reads), the rows' split numbers ({@link RowSplit}), and, where the back end keeps state cheaply,
 * the rows' projections onto the last step search's head.
 *
 * <p>A pass that changes these replaces arrays and never writes into an array it found there: a
 * distributed back end can then keep the old state until the new one is safe, and recompute a
 * lost block from it. The kept projections are the exception, and are therefore kept only by
 * back ends that never retry a pass ({@link polynomialnetwork.engine.data.RowBlocks#cheapStateUpdates()}).
 */
final class SquaredLossRows implements BlockState.Content {

  private static final long serialVersionUID = 1L;

  /** d_i = ŷ_i − y_i at the last evaluation, or null before the first. */
  double[] residual;
  /** d at the evaluation before that, or null. */
  double[] previousResidual;
  /** w_i d_i on the rows the gradient is taken over, 0 elsewhere; null before the first. */
  double[] weightedResidual;
  /** u_i of the validation split, or null before the rows were split. */
  double[] split;
  /** v_i of the fresh-sampling batches, or null before the rows were split. */
  double[] batch;
  /** Vᵀx_i of a step search's head V (one array of the block's rows per column), or null. */
  transient double[][] projections;
  /** Which step search {@link #projections} came from (null for none). */
  transient Object projectionsToken;

  /** The rows' numbers, for a pass that only reads them. */
  static SquaredLossRows of(BlockState state) {
    BlockState.Content c = state.content();
    // nothing yet (before the rows are split or evaluated): empty numbers, not kept
    return c instanceof SquaredLossRows ? (SquaredLossRows) c : new SquaredLossRows();
  }

  /** The rows' numbers, for a pass that updates them (created when the state holds none). */
  static SquaredLossRows forUpdate(BlockState state) {
    BlockState.Content c = state.content();
    if (c instanceof SquaredLossRows) {
      return (SquaredLossRows) c;
    }
    SquaredLossRows rows = new SquaredLossRows();
    state.setContent(rows);
    return rows;
  }

  /**
   * A shallow copy: the arrays are shared, which is safe because passes replace them. The kept
   * projections, which a step search overwrites in place, are not copied (a back end that copies
   * state never has them).
   */
  @Override
  public SquaredLossRows copy() {
    SquaredLossRows c = new SquaredLossRows();
    c.residual = residual;
    c.previousResidual = previousResidual;
    c.weightedResidual = weightedResidual;
    c.split = split;
    c.batch = batch;
    return c;
  }
}
