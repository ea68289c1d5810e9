package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.EvenIfInterrupted;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import java.util.Arrays;

/**
 * The squared loss Σ w_i d_i², d = 𝒜(L) + Xβ + c − y, on rows behind the data seam
 * (doc/algorithms.md §2): its evaluation ({@link ResidualPass}), its debiased gradient
 * ({@link DebiasedGradient}), the exact step model ({@link StepGram}), the least-squares linear
 * model and core refit.
 *
 * <p>Two savings stay behind this class (doc/algorithms.md §10). The evaluation computes the
 * gradient's product with the optimizer's planned basis Π in its own read of the rows, when the
 * rows are those of the run's last evaluation (whose W the product needs). And a step search may
 * keep the rows' projections onto its head V beside the rows ({@link KeptProjections}), so that
 * an evaluation whose planned basis is V, column for column (a warm-started Krylov head), reads
 * them instead of projecting the rows again. Both give exactly the numbers of the passes they
 * save.
 *
 * <p>One objective per {@link RowBlocks}: the blocks' state holds this loss's per-row numbers.
 */
public final class SquaredLoss implements Objective {

  private final RowBlocks blocks;
  private final int p;
  private final RowSplitter splitter;
  private final KeptProjections kept;
  /** The rows and W of the run's last evaluation (null and 0 before its first). */
  private RowSelection lastBatch;
  private double lastBatchWeight;

  public SquaredLoss(RowBlocks blocks) {
    this.blocks = blocks;
    this.p = blocks.cols();
    this.splitter = new RowSplitter(blocks, new KeepSplit());
    this.kept = new KeptProjections(blocks.cheapStateUpdates(), p);
  }

  /** Keeps a block's split numbers in the squared loss's per-row state. */
  private static final class KeepSplit implements RowSplitter.Keeper {
    private static final long serialVersionUID = 1L;

    @Override
    public void keep(BlockState state, double[] u, double[] v) {
      SquaredLossRows rows = SquaredLossRows.forUpdate(state);
      rows.split = u;
      rows.batch = v;
    }
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public long rows() {
    return blocks.rows();
  }

  @Override
  public long[] splitRows(long seed, double fraction, int runs) {
    return splitter.split(seed, fraction, runs);
  }

  @Override
  public LossScale scale(RowSelection selection) {
    return EvenIfInterrupted.run(() -> TargetTotals.of(blocks, selection));
  }

  @Override
  public LossScale startRun(RowSelection holdout) {
    lastBatch = null;
    lastBatchWeight = 0;
    kept.startRun();
    return scale(holdout);
  }

  @Override
  public LossEvaluation evaluate(FactoredSymmetric l, double[] beta, double c, RowSelection batch,
      double[][] plannedBasis) {
    // G·Π needs 1/2W of the rows it is taken over: known when they are the last evaluation's
    double knownWeight = lastBatch != null && lastBatch.equals(batch) ? lastBatchWeight : 0;
    boolean fuse = plannedBasis != null && knownWeight > 0;
    Object projections = kept.readableFor(plannedBasis, fuse);
    ResidualPass.Sums sums = blocks.aggregate(new ResidualPass(l, beta, c, batch, true,
        fuse ? plannedBasis : null, fuse ? 1.0 / (2 * knownWeight) : 0, projections));
    double bw = sums.scalars[ResidualPass.BATCH_WEIGHT] > 0
        ? sums.scalars[ResidualPass.BATCH_WEIGHT] : 1.0;
    // the product is kept only when W is what it was scaled by, so that it equals a product pass
    fuse &= bw == knownWeight;
    lastBatch = batch;
    lastBatchWeight = bw;
    int lin = beta != null ? 1 : 0;
    double[][] productSums = !fuse ? null : Arrays.copyOfRange(sums.out, lin, sums.out.length);
    DebiasedGradient g = new DebiasedGradient(blocks, sums.scalars[ResidualPass.SUM_WD],
        sums.scalars[ResidualPass.SUM_WD_NORM], bw, beta != null ? sums.out[0] : null,
        fuse ? plannedBasis : null, productSums);
    return new LossEvaluation(sums.scalars[ResidualPass.FITTED],
        sums.scalars[ResidualPass.HELD_OUT], g);
  }

  @Override
  public double[][] stepModel(UpdateDirection direction, RowSelection batch) {
    return StepGram.of(blocks, new StepGram(direction.head, direction.denseHead,
        direction.linear, direction.constant, direction.withPrevious, batch,
        kept.keepFor(direction.head)));
  }

  @Override
  public double loss(FactoredSymmetric l, double[] beta, double c, RowSelection selection) {
    return blocks.aggregate(new ResidualPass(l, beta, c, selection, false, null, 0, null))
        .scalars[ResidualPass.FITTED];
  }

  @Override
  public double[] linearModel(double ridge) {
    return LinearLeastSquares.fit(blocks, RowSelection.ALL, ridge);
  }

  @Override
  public CoreFit refitCore(FactoredSymmetric l, double[] beta, double bias,
      RowSelection selection) {
    return CoreRefit.refit(blocks, l, beta, bias, selection);
  }

  @Override
  public Objective sample(long seed, double fraction) {
    RowBlocks rows = blocks.subset(RowSplit.sample(seed, fraction));
    return rows == null ? null : new SquaredLoss(rows);
  }

  @Override
  public void release() {
    // frees the rows only when they are a sample's copy (RowBlocks.release)
    blocks.release();
  }
}
