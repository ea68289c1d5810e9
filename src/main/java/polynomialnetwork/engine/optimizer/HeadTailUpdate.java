package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.ExactTail;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.SymmetricOperator;
import java.util.Random;

/**
 * AP-ROM's update L ← T(L − η H(G)) (doc/algorithms.md §3): the head H(G) by block Krylov
 * ({@link BlockKrylovHead}; on the explicit G for AP-ROM-BK, matrix-free for AP-ROM-MBK, where
 * each product is one pass over the rows), then the exact rank-r tail of the factored sum
 * ({@link ExactTail}). The Krylov start basis is warm-started from the previous head when the
 * settings allow, with a shallower depth (§4.7). The start basis is drawn before the
 * evaluation, so that a matrix-free gradient can compute its first product in the evaluation's
 * own read of the rows (§10).
 */
final class HeadTailUpdate extends LowRankUpdate {

  private final boolean explicitGradient;
  private final int blockSize;
  private final int depth;
  private final int warmDepth;
  private final boolean warmStart;
  private final boolean headSpansIterate;
  private final Random rng;
  private double[][] previousHead;
  private int productColumns;
  /** The start basis of the coming move and whether it is a warm start. */
  private double[][] start;
  private boolean warm;

  HeadTailUpdate(int p, int rank, SolverSettings settings, Random rng) {
    super(p, rank, settings);
    this.explicitGradient = settings.method() == SolverSettings.Method.AP_ROM_BK;
    this.blockSize = settings.blockSize() > 0 ? settings.blockSize() : rank;
    this.depth = settings.krylovDepth() > 0 ? settings.krylovDepth()
        : BlockKrylovHead.defaultDepth(p);
    this.warmDepth = settings.warmDepth() > 0 ? settings.warmDepth() : Math.max(2, (depth + 1) / 2);
    this.warmStart = settings.warmStart();
    this.headSpansIterate = settings.headSpansIterate();
    this.rng = rng;
  }

  @Override
  double[][] plannedBasis() {
    warm = warmStart && previousHead != null && previousHead.length > 0;
    start = BlockKrylovHead.startBasis(p, rank, blockSize, rng, warm ? previousHead : null);
    return explicitGradient ? null : start;
  }

  @Override
  Move move(Inputs in, StepChooser chooser) {
    FactoredSymmetric l = in.current.interaction;
    if (start == null) {
      plannedBasis();
    }
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
    BlockKrylovHead.Head head = BlockKrylovHead.compute(op, rank, warm ? warmDepth : depth,
        start, startProduct);
    start = null;
    previousHead = head.projection.vectors();
    productColumns = head.productColumns;
    FactoredSymmetric dir = head.projection;
    if (headSpansIterate && l.rank() > 0) {
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
   * G compressed onto span[U, V]: Q (QᵀGQ) Qᵀ with Q an orthonormal basis of the iterate's and
   * the head's vectors, one product of |Q| ≤ 2r columns. It holds the head and the parts of G that
   * move L within and next to its own span, which the tail keeps.
   */
  private FactoredSymmetric compressed(SymmetricOperator op, double[][] u, double[][] v) {
    double[][] both = new double[u.length + v.length][];
    System.arraycopy(u, 0, both, 0, u.length);
    System.arraycopy(v, 0, both, u.length, v.length);
    double[][] q = polynomialnetwork.engine.linalg.Linalg.orthonormalize(both, new double[0][],
        1e-12);
    double[][] gq = op.apply(q);
    productColumns += q.length;
    polynomialnetwork.engine.linalg.Linalg.Eigen e = polynomialnetwork.engine.linalg.Linalg
        .symmetricEigen(polynomialnetwork.engine.linalg.Linalg.innerProducts(q, gq));
    int[] keep = e.leading(q.length);
    double[] vals = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      vals[i] = e.values[keep[i]];
    }
    return new FactoredSymmetric(p, polynomialnetwork.engine.linalg.Linalg.combine(q, e.vectors,
        keep), vals);
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
