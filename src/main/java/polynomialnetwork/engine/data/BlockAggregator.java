package polynomialnetwork.engine.data;

import java.io.Serializable;

/**
 * The one way the solver reaches the rows (the data seam, doc/algorithms.md §10): a pass visits
 * every {@link RowBlock} with its {@link BlockState}, may update that block's state, and adds what
 * it finds into a small accumulator (p×k numbers, a few scalars); accumulators of different
 * blocks are merged. The solver never sees a row.
 *
 * <p>Implementations carry only small inputs (a few p-vectors, r×r matrices, scalars) and are
 * serializable, so that a back end can ship them to where the blocks are. {@link #add} must be a
 * function of the block, its state and the inputs alone; {@link #merge} must be associative, so
 * the result depends only on the grouping a back end chooses, which it keeps fixed.
 *
 * @param <A> the accumulator
 */
public interface BlockAggregator<A> extends Serializable {

  /** A fresh, empty accumulator. */
  A zero();

  /**
   * Adds the contribution of one block into {@code acc} (returned, possibly the same object).
   * When {@link #updatesState()}, may replace arrays of {@code state}.
   */
  A add(A acc, RowBlock block, BlockState state);

  /** Adds {@code other} into {@code acc} (returned, possibly the same object). */
  A merge(A acc, A other);

  /** True when {@link #add} replaces arrays of the state; false for a read-only pass. */
  default boolean updatesState() {
    return false;
  }
}
