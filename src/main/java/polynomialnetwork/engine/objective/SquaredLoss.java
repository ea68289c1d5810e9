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
 * rows are those of the previous evaluation (whose W the product needs). And where the back end
 * keeps state cheaply, a step search keeps the rows' projections onto its head V beside the rows,
 * so that an evaluation whose planned basis is V, column for column (a warm-started Krylov head),
 * reads them instead of projecting the rows again. Both give exactly the numbers of the passes
 * they save.
 */
public final class SquaredLoss implements Objective {

  private final RowBlocks blocks;
  private final int p;
  /** Whether step searches may keep projections: the back end keeps state cheaply. */
  private final boolean keepsState;
  /** Whether the last evaluation was given a planned basis (only then can projections serve). */
  private boolean plansProducts;
  /**
   * Whether, in this run so far, every planned basis was the last step search's head (warm
   * starts): when one was not, the optimizer starts elsewhere, and keeping stops for the run.
   */
  private boolean plannedFromHeads;
  /** The head whose projections the rows keep, and the token they are kept under (or null). */
  private double[][] keptHead;
  private Object keptToken;
  private final RowSplitter splitter;

  public SquaredLoss(RowBlocks blocks) {
    this.blocks = blocks;
    this.p = blocks.cols();
    this.keepsState = blocks.cheapStateUpdates();
    this.splitter = new RowSplitter(blocks, SquaredLoss::keepSplit);
  }

  private static void keepSplit(BlockState state, double[] u, double[] v) {
    SquaredLossRows rows = SquaredLossRows.forUpdate(state);
    rows.split = u;
    rows.batch = v;
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
  public LossScale scale(RowSelection holdout) {
    return EvenIfInterrupted.run(() -> TargetTotals.of(blocks, holdout));
  }

  @Override
  public LossEvaluation evaluate(FactoredSymmetric l, double[] beta, double c, RowSelection batch,
      double[][] plannedBasis, LossEvaluation previous) {
    plansProducts = plannedBasis != null;
    if (previous == null) {
      plannedFromHeads = true;
    } else if (plannedBasis != null && keptHead != null
        && !sameColumns(plannedBasis, keptHead)) {
      plannedFromHeads = false;
    }
    // G·Π needs 1/2W of the rows it is taken over: known when they are the previous ones
    double knownWeight = previous != null && previous.batch.equals(batch)
        ? previous.gradient.batchWeight() : 0;
    boolean fuse = plannedBasis != null && knownWeight > 0;
    Object kept = fuse && keptToken != null && sameColumns(plannedBasis, keptHead) ? keptToken
        : null;
    ResidualPass.Sums sums = blocks.aggregate(new ResidualPass(l, beta, c, batch, true,
        fuse ? plannedBasis : null, fuse ? 1.0 / (2 * knownWeight) : 0, kept));
    double bw = sums.scalars[ResidualPass.BATCH_WEIGHT] > 0
        ? sums.scalars[ResidualPass.BATCH_WEIGHT] : 1.0;
    // the product is kept only when W is what it was scaled by, so that it equals a product pass
    fuse &= bw == knownWeight;
    int lin = beta != null ? 1 : 0;
    double[][] productSums = !fuse ? null : Arrays.copyOfRange(sums.out, lin, sums.out.length);
    DebiasedGradient g = new DebiasedGradient(blocks, sums.scalars[ResidualPass.SUM_WD],
        sums.scalars[ResidualPass.SUM_WD_NORM], bw, beta != null ? sums.out[0] : null,
        fuse ? plannedBasis : null, productSums);
    return new LossEvaluation(sums.scalars[ResidualPass.FITTED],
        sums.scalars[ResidualPass.HELD_OUT], g, batch);
  }

  @Override
  public double[][] stepModel(UpdateDirection direction, RowSelection batch) {
    // k numbers per row are worth keeping against 2·k·p flops per row saved, but not at any
    // memory: at most an eighth of the data's own (k ≤ p/8)
    FactoredSymmetric head = direction.head;
    boolean keep = keepsState && plansProducts && plannedFromHeads && head != null
        && 8 * head.rank() <= p;
    keptHead = keep ? head.vectors() : null;
    keptToken = keep ? new Object() : null;
    return StepGram.of(blocks, new StepGram(head, direction.denseHead, direction.linear,
        direction.constant, direction.withPrevious, batch, keptToken));
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

  private static boolean sameColumns(double[][] a, double[][] b) {
    if (b == null || a.length != b.length) {
      return false;
    }
    for (int c = 0; c < a.length; c++) {
      if (!Arrays.equals(a[c], b[c])) {
        return false;
      }
    }
    return true;
  }
}
