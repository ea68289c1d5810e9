package polynomialnetwork.engine.data;

import java.io.Serializable;

/**
 * Which rows of a block a subset keeps ({@link RowBlocks#subset}), decided by each row alone (its
 * values, target and weight), so that the same rows are kept whatever the layout of the blocks.
 */
public interface RowFilter extends Serializable {

  /** Whether each row of {@code block} is kept. */
  boolean[] keeps(RowBlock block);
}
