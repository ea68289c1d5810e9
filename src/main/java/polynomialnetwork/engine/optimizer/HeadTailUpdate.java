package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.ExactTail;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.linalg.SymmetricOperator;
import polynomialnetwork.engine.linalg.TangentSpace;
import polynomialnetwork.engine.objective.LossGradient;
import java.util.Random;

/**
 * AP-ROM's update L ← T(L − η H(G)) (doc/algorithms.md §3): the head H(G) by block Krylov
 * ({@link BlockKrylovHead}; on the explicit G for AP-ROM-BK, matrix-free for AP-ROM-MBK, where
 * each product is one pass over the rows), then the exact rank-r tail of the factored sum
 * ({@link ExactTail}). The Krylov start basis is warm-started from the previous head when the
 * settings allow, with a shallower depth (§4.7). The start basis is drawn before the
 * evaluation, so that a matrix-free gradient can compute its first product in the evaluation's
 * own read of the rows (§10).
 *
 * <p>After the first {@code headSteps} moves of a run, a move is a tangent step instead: L moves
 * along P_T(G), the gradient's projection onto the tangent space at L ({@link TangentSpace}),
 * which needs only G·U, the product planned into the evaluation, so that an iteration reads the
 * rows twice (evaluation and step) instead of 2 + q times (§3.9). Near a rank-r solution the
 * error L − L* lies in that tangent space to first order (rank ≤ 2r there), while the head keeps
 * only r of its directions, so tangent steps also need fewer iterations. A move is a head step
 * again, from U as its start basis, when L has rank below r (its tangent space cannot reach the
 * missing directions), and when the run is slow (its best objective fell less than 5-fold over
 * the last 5 iterations) and the last head step is at least 5 moves back.
 */
final class HeadTailUpdate extends LowRankUpdate {

  private final boolean explicitGradient;
  private final int blockSize;
  private final int depth;
  private final int warmDepth;
  private final boolean warmStart;
  private final boolean headSpansIterate;
  private final int headSteps;
  /** Whether every step is searched exactly (no unit step, which needs the debiased G). */
  private final boolean searchedStep;
  private final Random rng;
  private double[][] previousHead;
  private int productColumns;
  /** The start basis of the coming move and whether it is a warm start. */
  private double[][] start;
  private boolean warm;
  /** Whether the coming move is planned as a tangent step (its start basis is then U). */
  private boolean tangent;
  private int moves;
  /** Moves since the last head step. */
  private int movesSinceHead;

  HeadTailUpdate(int p, int rank, SolverSettings settings, Random rng) {
    super(p, rank, settings);
    this.explicitGradient = settings.method() == SolverSettings.Method.AP_ROM_BK;
    this.blockSize = settings.blockSize() > 0 ? settings.blockSize() : rank;
    this.depth = settings.krylovDepth() > 0 ? settings.krylovDepth()
        : BlockKrylovHead.defaultDepth(p);
    this.warmDepth = settings.warmDepth() > 0 ? settings.warmDepth() : Math.max(2, (depth + 1) / 2);
    this.warmStart = settings.warmStart();
    this.headSpansIterate = settings.headSpansIterate();
    this.headSteps = settings.headSteps();
    this.searchedStep = settings.stepRule() == SolverSettings.StepRule.SEARCH
        || settings.stepRule() == SolverSettings.StepRule.LINE_SEARCH;
    this.rng = rng;
  }

  @Override
  double[][] plannedBasis(FactoredSymmetric current) {
    double[][] u = current.vectors();
    tangent = headSteps > 0 && moves >= headSteps && u.length == rank
        && TangentSpace.orthonormal(u);
    if (tangent) {
      // U itself; should the move turn into a head step, U is its warm start
      warm = true;
      start = u;
    } else {
      warm = warmStart && previousHead != null && previousHead.length > 0;
      start = BlockKrylovHead.startBasis(p, rank, blockSize, rng, warm ? previousHead : null);
    }
    return explicitGradient ? null : start;
  }

  @Override
  Move move(Inputs in, StepChooser chooser) {
    FactoredSymmetric l = in.current.interaction;
    if (start == null) {
      plannedBasis(l);
    }
    moves++;
    SymmetricOperator op;
    double[][] startProduct = null;
    if (explicitGradient) {
      op = ridge > 0 ? PenalizedGradient.explicit(in.gradient, l, ridge)
          : in.gradient.formExplicit();
    } else {
      // G·Π when the evaluation computed it in its own read of the rows, else null
      startProduct = in.gradient.plannedProduct();
      if (ridge > 0) {
        PenalizedGradient penalized = new PenalizedGradient(in.gradient, l, ridge);
        startProduct = startProduct == null ? null
            : penalized.completeProduct(startProduct, start);
        op = penalized;
      } else {
        op = in.gradient;
      }
    }
    FactoredSymmetric dir;
    // a slow run gets a head step, then tangent steps for a window to show their rate again
    boolean slowHead = in.slow && movesSinceHead >= SLOW_WINDOW;
    boolean tangentStep = tangent && !slowHead && start == l.vectors();
    movesSinceHead = tangentStep ? movesSinceHead + 1 : 0;
    if (tangentStep) {
      dir = TangentSpace.projection(start, tangentProduct(in.gradient, l, op, startProduct));
      productColumns = start.length;
    } else {
      BlockKrylovHead.Head head = BlockKrylovHead.compute(op, rank, warm ? warmDepth : depth,
          start, startProduct);
      previousHead = head.projection.vectors();
      productColumns = head.productColumns;
      dir = head.projection;
    }
    start = null;
    if (!tangentStep && headSpansIterate && l.rank() > 0) {
      dir = compressed(op, l.vectors(), dir.vectors());
    }
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

  /**
   * The product with the start basis U of the direction a tangent step projects, from G·U (when
   * the evaluation computed it) or by a product: (G + shift·I)·U, the plain gradient's, when
   * the step is searched exactly, G·U for the unit step. The debiasing −shift·I of a squared
   * loss's G makes the unit step unbiased (§2), but along the debiased direction a searched step
   * stops short of the minimiser: at planted p = 5, r = 2 with noise, searched tangent steps
   * along the debiased G stall at a relative residual 0.07879 that a head step then lowers,
   * along the plain gradient they reach 0.07849 in 20 iterations. With a ridge penalty the
   * operator already is the plain gradient ({@link PenalizedGradient}), which with λ = 0 also
   * completes G·U here.
   */
  private double[][] tangentProduct(LossGradient g, FactoredSymmetric l, SymmetricOperator op,
      double[][] product) {
    double[][] gu = product != null ? product : op.apply(start);
    return ridge > 0 || !searchedStep ? gu
        : new PenalizedGradient(g, l, 0).completeProduct(gu, start);
  }

  /**
   * G compressed onto span[U, V]: Q (QᵀGQ) Qᵀ with Q an orthonormal basis of the iterate's and
   * the head's vectors, one product of |Q| ≤ 2r columns. It holds the head and the parts of G that
   * move L within and next to its own span, which the tail keeps.
   */
  private FactoredSymmetric compressed(SymmetricOperator op, double[][] u, double[][] v) {
    double[][] both = new double[u.length + v.length][];
    System.arraycopy(u, 0, both, 0, u.length);
    System.arraycopy(v, 0, both, u.length, v.length);
    double[][] q = Linalg.orthonormalize(both, new double[0][], 1e-12);
    double[][] gq = op.apply(q);
    productColumns += q.length;
    return FactoredSymmetric.leadingOfCore(p, q, Linalg.innerProducts(q, gq), q.length);
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
