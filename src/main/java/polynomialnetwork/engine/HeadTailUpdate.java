package polynomialnetwork.engine;

import java.util.Random;

/**
 * AP-ROM's update L ← T(L − η H(G)) (doc/algorithms.md §3): the head H(G) by block Krylov
 * ({@link BlockKrylovHead}; on the explicit G for AP-ROM-BK, matrix-free for AP-ROM-MBK, where
 * each product is one pass over the rows), then the exact rank-r tail of the factored sum
 * ({@link ExactTail}). The Krylov block is warm-started from the previous head when the settings
 * allow, with a shallower depth (§4.7). The next head then starts from this head's vectors V,
 * which the step search projects every row onto: where the back end keeps state cheaply, those
 * projections are kept for the next evaluation, which would otherwise compute them again for its
 * first Krylov product (§10).
 */
final class HeadTailUpdate extends LowRankUpdate {

  private final boolean explicitGradient;
  private final int blockSize;
  private final int depth;
  private final int warmDepth;
  private final boolean warmStart;
  private final Random rng;
  /** k, the columns of every start block. */
  private final int startColumns;
  private final boolean keepProjections;
  /** Tags of kept projections, unique in this JVM so that a block's state is never misread. */
  private static final java.util.concurrent.atomic.AtomicLong TAGS =
      new java.util.concurrent.atomic.AtomicLong();
  /** The tag of the projections onto {@link #previousHead} the last step search kept, or 0. */
  private long keptTag;
  private double[][] previousHead;
  private int productColumns;
  /** The start block of the coming move and whether it is a warm start. */
  private double[][] start;
  private boolean warm;

  HeadTailUpdate(int p, int rank, SolverSettings settings, Random rng,
      boolean cheapStateUpdates) {
    super(p, rank, settings);
    this.explicitGradient = settings.method() == SolverSettings.Method.AP_ROM_BK;
    this.blockSize = settings.blockSize() > 0 ? settings.blockSize() : rank;
    this.depth = settings.krylovDepth() > 0 ? settings.krylovDepth()
        : BlockKrylovHead.defaultDepth(p);
    this.warmDepth = settings.warmDepth() > 0 ? settings.warmDepth() : Math.max(2, (depth + 1) / 2);
    this.warmStart = settings.warmStart();
    this.rng = rng;
    this.startColumns = BlockKrylovHead.startColumns(p, rank, blockSize);
    // k numbers per row are worth keeping against 2·k·p flops per row saved, but not at any
    // memory: at most an eighth of the data's own (k ≤ p/8)
    this.keepProjections = cheapStateUpdates && warmStart && !explicitGradient
        && 8 * startColumns <= p;
  }

  @Override
  long keepProjectionsOf(FactoredSymmetric head) {
    // kept only when the next start block is V itself, column for column
    boolean next = keepProjections && head.vectors() == previousHead
        && head.rank() == startColumns;
    keptTag = next ? TAGS.incrementAndGet() : 0;
    return keptTag;
  }

  @Override
  long startBlockProjections() {
    // a nonzero tag was given to a head of exactly startColumns vectors, so a warm start block
    // is those vectors and no Gaussian column
    return warm ? keptTag : 0;
  }

  @Override
  double[][] startBlock() {
    warm = warmStart && previousHead != null && previousHead.length > 0;
    start = BlockKrylovHead.startBlock(p, rank, blockSize, rng, warm ? previousHead : null);
    return start;
  }

  @Override
  boolean productsPassOverRows() {
    return !explicitGradient;
  }

  @Override
  Move move(Inputs in, StepChooser chooser) {
    FactoredSymmetric l = in.current.interaction;
    SymmetricOperator op;
    if (explicitGradient) {
      op = ridge > 0 ? PenalizedGradient.explicit(in.gradient, l, ridge)
          : in.gradient.formExplicit();
    } else {
      op = ridge > 0 ? new PenalizedGradient(in.gradient, l, ridge) : in.gradient;
    }
    BlockKrylovHead.Head head = BlockKrylovHead.compute(op, rank, warm ? warmDepth : depth,
        start != null ? start : startBlock());
    start = null;
    keptTag = 0;
    previousHead = head.projection.vectors();
    productColumns = head.productColumns;
    FactoredSymmetric dir = head.projection;
    StepSize step = step(in, chooser, dir, null);
    double[] coef = new double[dir.rank()];
    for (int a = 0; a < coef.length; a++) {
      coef[a] = -step.onL * dir.values()[a];
    }
    FactoredSymmetric next;
    if (step.onPrevious != 0) {
      double w = step.onPrevious;
      FactoredSymmetric prevL = in.previous.interaction;
      next = ExactTail.truncateSum(p, rank,
          new double[][][] {l.vectors(), dir.vectors(), prevL.vectors()},
          new double[][] {scaled(l.values(), 1 + w), coef, scaled(prevL.values(), -w)});
    } else {
      next = ExactTail.truncate(l, dir.vectors(), coef, rank);
    }
    return new Move(next, step);
  }

  @Override
  int productColumns() {
    return productColumns;
  }

  private static double[] scaled(double[] v, double f) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * f;
    }
    return out;
  }
}
