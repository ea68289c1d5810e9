package polynomialnetwork.engine.data;

/**
 * The training rows as the solver sees them: blocks it cannot touch, only run passes over. An
 * in-memory implementation runs the blocks on threads ({@link ThreadedRowBlocks}); a Spark one
 * runs them on the partitions of a cached RDD. Both give every block the same state across
 * passes and merge the accumulators in a fixed order for a given layout.
 */
public interface RowBlocks {

  /** p, the number of features per row. */
  int cols();

  /** m, the number of rows. */
  long rows();

  /**
   * Runs one pass: {@code aggregator.add} on every block (with its state), the accumulators
   * merged.
   *
   * @throws SolverInterruptedException when the calling thread is interrupted during the pass
   */
  <A> A aggregate(BlockAggregator<A> aggregator);

  /**
   * Whether a pass that updates the blocks' state costs no more than one that only reads it (the
   * states live beside the blocks in this JVM). The solver then keeps per-row results that save
   * a later pass work; a back end that must copy, cache or checkpoint every new state says no.
   */
  default boolean cheapStateUpdates() {
    return false;
  }

  /**
   * The rows {@code filter} keeps, in their order, as rows of their own (with fresh, empty
   * states) on the same back end; one pass over these rows builds them. Call
   * {@link #release()} on the subset when done with it.
   */
  RowBlocks subset(RowFilter filter);

  /**
   * Frees what a {@link #subset} holds (its copy of the rows); does nothing on blocks that are
   * not a subset, so that whoever holds blocks may call it without knowing where they came from.
   */
  default void release() {
  }
}
