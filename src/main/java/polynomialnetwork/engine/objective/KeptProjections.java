package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.linalg.FactoredSymmetric;
import java.util.Arrays;

/**
 * When the squared loss keeps the rows' projections onto a step search's head V, and when an
 * evaluation may read them (doc/algorithms.md §10). The optimizer's next planned basis is V
 * itself when it warm-starts its Krylov head; the step search projects every row onto V anyway,
 * so keeping those k numbers per row saves the evaluation 2·k·p flops per row. They are kept
 * only where the back end keeps state cheaply (in memory, where no pass is retried), only when
 * k ≤ p/8 (at most an eighth of the data's own memory), and only while the run's planned bases
 * have been the heads (when one was not, the optimizer starts elsewhere, and keeping stops for
 * the run). Each search's numbers carry a token of their own, so a block never reads another
 * search's.
 */
final class KeptProjections {

  private final boolean keepsState;
  private final int p;
  /** Whether the last evaluation was given a planned basis (only then can projections serve). */
  private boolean plansProducts;
  private boolean plannedFromHeads;
  /** The head whose projections the rows keep, and the token they are kept under (or null). */
  private double[][] head;
  private Object token;

  /**
   * @param keepsState whether the back end keeps state cheaply
   * @param p the number of inputs
   */
  KeptProjections(boolean keepsState, int p) {
    this.keepsState = keepsState;
    this.p = p;
  }

  /** A run starts: nothing kept is read before its first step search. */
  void startRun() {
    plannedFromHeads = true;
    head = null;
    token = null;
  }

  /**
   * Called by each evaluation with its planned basis (or null).
   *
   * @param fused whether the evaluation computes the product with that basis
   * @return the token under which the rows hold their projections onto the basis, or null
   */
  Object readableFor(double[][] plannedBasis, boolean fused) {
    plansProducts = plannedBasis != null;
    boolean same = plannedBasis != null && head != null && sameColumns(plannedBasis, head);
    if (plannedBasis != null && head != null && !same) {
      plannedFromHeads = false;
    }
    return fused && token != null && same ? token : null;
  }

  /**
   * Called by each step search with its head (null when the head is dense).
   *
   * @return the token to keep the rows' projections onto the head under, or null not to keep
   */
  Object keepFor(FactoredSymmetric searchHead) {
    boolean keep = keepsState && plansProducts && plannedFromHeads && searchHead != null
        && 8 * searchHead.rank() <= p;
    head = keep ? searchHead.vectors() : null;
    token = keep ? new Object() : null;
    return token;
  }

  /** Whether two bases have the same columns, value for value. */
  static boolean sameColumns(double[][] a, double[][] b) {
    if (a.length != b.length) {
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
