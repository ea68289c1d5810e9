package polynomialnetwork.engine.data;

/**
 * Rows behind another {@link RowBlocks}, for tests that watch or disturb the passes: every
 * method goes to the inner one; a test overrides what it changes.
 */
public class DelegatingRowBlocks implements RowBlocks {

  protected final RowBlocks inner;

  public DelegatingRowBlocks(RowBlocks inner) {
    this.inner = inner;
  }

  @Override
  public int cols() {
    return inner.cols();
  }

  @Override
  public long rows() {
    return inner.rows();
  }

  @Override
  public <A> A aggregate(BlockAggregator<A> aggregator) {
    return inner.aggregate(aggregator);
  }

  @Override
  public boolean cheapStateUpdates() {
    return inner.cheapStateUpdates();
  }

  @Override
  public RowBlocks subset(RowFilter filter) {
    return inner.subset(filter);
  }

  @Override
  public void release() {
    inner.release();
  }
}
