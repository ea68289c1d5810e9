package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.linalg.SymmetricOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Approximate head projection H(G) = V diag(λ) Vᵀ of a symmetric operator by randomized block
 * Krylov iteration (Musco &amp; Musco, NIPS 2015; algorithms.md §3.4–3.5).
 *
 * <p>The Krylov space is span[GΠ, G²Π, …, G^qΠ] with Π a Gaussian p×k start basis. Because G is
 * symmetric, powers of G replace bksvd's (AAᵀ) powers: the same number of products, a richer
 * space, and the Rayleigh–Ritz step keeps the signs of the eigenvalues, which an indefinite L
 * needs. The bases are built Lanczos-fashion with full re-orthogonalisation (CGS2), so the
 * products G·K_j computed to extend the space also give QᵀGQ with no further product: q + 1
 * products of width k in all. Columns that fall into the span already built are dropped
 * (deflation: the space has become invariant).
 */
final class BlockKrylovHead {

  /** Relative size below which a new Krylov direction counts as already in the space. */
  private static final double DEFLATION = 1e-10;

  private BlockKrylovHead() {
  }

  /** Default depth q = max(2, ⌈ln p⌉) (algorithms.md §4 item 4). */
  static int defaultDepth(int p) {
    return Math.max(2, (int) Math.ceil(Math.log(Math.max(p, 2))));
  }

  /** The head and the work it cost. */
  static final class Head {
    /** V diag(λ) Vᵀ, rank ≤ r, |λ| descending. */
    final FactoredSymmetric projection;
    /** Number of products with G, counted in columns. */
    final int productColumns;

    Head(FactoredSymmetric projection, int productColumns) {
      this.projection = projection;
      this.productColumns = productColumns;
    }
  }

  /**
   * The start basis Π of a head: the columns of {@code previous} (the previous head, a warm
   * start) completed with Gaussian columns, or k Gaussian columns; k = max(blockSize, rank),
   * at most p. A caller that knows Π before the head can have G·Π computed in a pass it makes
   * anyway (the evaluation, {@code Objective.evaluate}).
   */
  static double[][] startBasis(int p, int rank, int blockSize, Random rng,
      double[][] previous) {
    int k = startColumns(p, rank, blockSize);
    double[][] pi = new double[k][];
    for (int c = 0; c < k; c++) {
      pi[c] = previous != null && c < previous.length ? previous[c].clone() : gaussian(p, rng);
    }
    return pi;
  }

  /** k, the number of columns of a start basis: max(blockSize, rank), at most p. */
  static int startColumns(int p, int rank, int blockSize) {
    return Math.min(Math.max(blockSize, rank), p);
  }

  /**
   * The head from the start basis {@code pi} (of {@link #startBasis}).
   *
   * @param gPi G·pi when the caller has it already (it costs no product then), or null
   */
  static Head compute(SymmetricOperator g, int rank, int depth, double[][] pi, double[][] gPi) {
    int p = g.dimension();
    int k = pi.length;
    int products = k;
    double[][] next = gPi != null ? gPi : g.apply(pi);
    List<double[]> q = new ArrayList<>();
    List<double[]> gq = new ArrayList<>();
    for (int j = 0; j < depth && q.size() < p; j++) {
      double[][] basis = Linalg.orthonormalize(next, q.toArray(new double[0][]), DEFLATION);
      if (basis.length == 0) {
        break;
      }
      double[][] gBasis = g.apply(basis);
      products += basis.length;
      q.addAll(Arrays.asList(basis));
      gq.addAll(Arrays.asList(gBasis));
      next = gBasis;
    }
    int n = q.size();
    if (n == 0) {
      return new Head(FactoredSymmetric.zero(p), products);
    }
    double[][] qa = q.toArray(new double[0][]);
    double[][] t = Linalg.innerProducts(qa, gq.toArray(new double[0][]));
    return new Head(FactoredSymmetric.leadingOfCore(p, qa, t, rank), products);
  }

  static double[] gaussian(int p, Random rng) {
    double[] v = new double[p];
    for (int i = 0; i < p; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }
}
