package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.EvenIfInterrupted;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * The log-loss F = 2 Σ w_i ℓ_i, ℓ_i = −log P(y_i | x_i), of a classifier whose class scores are
 * quadratic networks (doc/algorithms.md §13), on rows behind the data seam whose targets are
 * class indices 0 … k−1: the logistic loss for two classes (one score, P(y = 1) = σ(f)), the
 * multinomial loss for k ≥ 3 (k scores, softmax), laid out for the optimizer as
 * {@link ClassScores} says. The factor 2 puts F in the units of the squared loss's Σ w d², so
 * that the ridge penalty and the step rules read the same on both.
 *
 * <p>Its evaluation ({@link LogLossPass}), plain gradient ({@link LogLossGradient}, all classes'
 * Krylov products in one pass), step model (Newton on the per-row directional values,
 * {@link LogLossStepModel}: the step provably decreases F before the rank projection) and linear model (Newton,
 * {@link LogisticRegression}). It offers no core refit, and does not fuse the first Krylov
 * product into the evaluation.
 *
 * <p>One objective per {@link RowBlocks}: the blocks' state holds this loss's per-row numbers.
 */
public final class LogLoss implements Objective {

  private final RowBlocks blocks;
  private final ClassScores layout;
  private final RowSplitter splitter;

  /**
   * @param blocks rows whose targets are class indices 0 … classes−1
   * @param classes k ≥ 2
   * @param linearFeatures whether the scores have linear terms (use the same as the solver's
   *     {@code fitLinear}; with k ≥ 3 the solver must fit the linear part, which holds the class
   *     biases)
   */
  public LogLoss(RowBlocks blocks, int classes, boolean linearFeatures) {
    this.blocks = blocks;
    this.layout = new ClassScores(classes, blocks.cols(), linearFeatures);
    this.splitter = new RowSplitter(blocks, new KeepSplit());
  }

  /** Keeps a block's split numbers in the log-loss's per-row state. */
  private static final class KeepSplit implements RowSplitter.Keeper {
    private static final long serialVersionUID = 1L;

    @Override
    public void keep(polynomialnetwork.engine.data.BlockState state, double[] u, double[] v) {
      LogLossRows rows = LogLossRows.forUpdate(state);
      rows.split = u;
      rows.batch = v;
    }
  }

  /** Where the class scores live in the optimizer's point. */
  public ClassScores layout() {
    return layout;
  }

  @Override
  public int dimension() {
    return layout.dimension();
  }

  @Override
  public int linearDimension() {
    return layout.linearDimension();
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
    return EvenIfInterrupted.run(() -> LogLossScale.of(blocks, selection, layout.zeroLoss()));
  }

  @Override
  public LossScale startRun(RowSelection holdout) {
    return scale(holdout);
  }

  @Override
  public LossEvaluation evaluate(FactoredSymmetric l, double[] beta, double c, RowSelection batch,
      double[][] plannedBasis) {
    LogLossPass.Sums sums = blocks.aggregate(new LogLossPass(layout, l, beta, c, batch, true));
    double w = sums.scalars[LogLossPass.BATCH_WEIGHT] > 0
        ? sums.scalars[LogLossPass.BATCH_WEIGHT] : 1.0;
    double[] sumWg = java.util.Arrays.copyOfRange(sums.scalars, LogLossPass.SUM_WG,
        sums.scalars.length);
    LogLossGradient g = new LogLossGradient(blocks, layout, w, sumWg,
        sums.out.length == 0 ? null : sums.out);
    return new LossEvaluation(sums.scalars[LogLossPass.FITTED],
        sums.scalars[LogLossPass.HELD_OUT], g);
  }

  @Override
  public double[][] stepModel(UpdateDirection direction, RowSelection batch) {
    return LogLossStepModel.of(blocks, layout, direction, batch);
  }

  @Override
  public double loss(FactoredSymmetric l, double[] beta, double c, RowSelection selection) {
    return blocks.aggregate(new LogLossPass(layout, l, beta, c, selection, false))
        .scalars[LogLossPass.FITTED];
  }

  @Override
  public double[] linearModel(double ridge) {
    return LogisticRegression.fit(blocks, layout, ridge);
  }

  /** The log-loss offers no core refit (doc/algorithms.md §13). */
  @Override
  public CoreFit refitCore(FactoredSymmetric l, double[] beta, double bias,
      RowSelection selection) {
    return null;
  }

  @Override
  public Objective sample(long seed, double fraction) {
    RowBlocks rows = blocks.subset(RowSplit.sample(seed, fraction));
    return rows == null ? null
        : new LogLoss(rows, layout.classes(), layout.linearFeatures());
  }

  @Override
  public void release() {
    // frees the rows only when they are a sample's copy (RowBlocks.release)
    blocks.release();
  }
}
