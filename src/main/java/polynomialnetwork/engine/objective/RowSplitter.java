package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.EvenIfInterrupted;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import java.io.Serializable;

/**
 * Gives the rows their split numbers ({@link RowSplit}) in one pass, for an objective that keeps
 * them in its own per-row state, and remembers the seed it gave them for: what
 * {@link Objective#splitRows} does for any loss.
 */
public final class RowSplitter {

  /** Where an objective keeps a block's numbers u and v in the block's state. */
  public interface Keeper extends Serializable {
    void keep(BlockState state, double[] u, double[] v);
  }

  private final RowBlocks blocks;
  private final Keeper keeper;
  private boolean split;
  private long splitSeed;

  public RowSplitter(RowBlocks blocks, Keeper keeper) {
    this.blocks = blocks;
    this.keeper = keeper;
  }

  /** {@link Objective#splitRows}: a pass, unless only the numbers are asked for and are there. */
  public long[] split(long seed, double fraction, int runs) {
    if (fraction <= 0 && split && splitSeed == seed) {
      long[] counts = new long[runs + 1];
      counts[runs] = blocks.rows();
      return counts;
    }
    long[] counts = EvenIfInterrupted.run(() -> blocks.aggregate(
        new SplitPass(seed, Math.max(fraction, 0), runs, keeper)));
    split = true;
    splitSeed = seed;
    return counts;
  }

  /** The pass: every block's numbers, kept, and the held-out rows of each run counted. */
  private static final class SplitPass implements BlockAggregator<long[]> {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final double fraction;
    private final int runs;
    private final Keeper keeper;

    SplitPass(long seed, double fraction, int runs, Keeper keeper) {
      this.seed = seed;
      this.fraction = fraction;
      this.runs = runs;
      this.keeper = keeper;
    }

    @Override
    public long[] zero() {
      return new long[runs + 1];
    }

    @Override
    public boolean updatesState() {
      return true;
    }

    @Override
    public long[] add(long[] acc, RowBlock block, BlockState state) {
      double[][] uv = RowSplit.numbers(block, seed);
      RowSplit.count(uv[0], fraction, runs, acc);
      keeper.keep(state, uv[0], uv[1]);
      return acc;
    }

    @Override
    public long[] merge(long[] acc, long[] other) {
      for (int k = 0; k < acc.length; k++) {
        acc[k] += other[k];
      }
      return acc;
    }
  }
}
