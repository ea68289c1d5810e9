package polynomialnetwork.engine;

import java.util.Random;

/**
 * How L moves in one iteration of Algorithm 1 (doc/algorithms.md §3): by the exact projection
 * of EP-ROM ({@link ExactProjectionUpdate}) or by a head projection and the exact tail of AP-ROM
 * ({@link HeadTailUpdate}). The step along the new direction is chosen by the caller's rule
 * from the step Gram matrix (§4) of that direction.
 */
abstract class LowRankUpdate {

  /** What an update needs from the loop: the point, the gradient there, the linear directions. */
  static final class Inputs {
    final DebiasedGradient gradient;
    final Iterate current;
    /** The iterate before the current one; null at the start. */
    final Iterate previous;
    /** Whether the step may include the previous step (the search rule, from the second step). */
    final boolean momentum;
    final double[] dBeta;
    final double dC;
    final RowSelection batch;

    Inputs(DebiasedGradient gradient, Iterate current, Iterate previous, boolean momentum,
        double[] dBeta, double dC, RowSelection batch) {
      this.gradient = gradient;
      this.current = current;
      this.previous = previous;
      this.momentum = momentum;
      this.dBeta = dBeta;
      this.dC = dC;
      this.batch = batch;
    }

    /** The ridge penalty's part of the step search, for a head given factored or dense. */
    StepSize.Penalty penalty(double ridge, FactoredSymmetric headL, DenseSymmetricMatrix headDense) {
      return new StepSize.Penalty(ridge * gradient.batchWeight(), headL, headDense, dBeta,
          current.interaction, momentum ? previous.interaction : null, current.linear,
          previous == null ? null : previous.linear);
    }
  }

  /** Chooses the step from a step Gram pass (one pass over the rows) and the penalty. */
  interface StepChooser {
    StepSize choose(StepGram pass, StepSize.Penalty penalty);
  }

  /** The new L and the step that led there. */
  static final class Move {
    final FactoredSymmetric next;
    final StepSize step;

    Move(FactoredSymmetric next, StepSize step) {
      this.next = next;
      this.step = step;
    }
  }

  final int p;
  final int rank;
  final double ridge;
  final boolean unitStep;

  LowRankUpdate(int p, int rank, SolverSettings settings) {
    this.p = p;
    this.rank = rank;
    this.ridge = settings.ridge();
    this.unitStep = settings.stepRule() == SolverSettings.StepRule.UNIT;
  }

  /** The update the settings' method calls for. */
  static LowRankUpdate of(SolverSettings settings, int p, int rank, Random rng,
      boolean cheapStateUpdates) {
    return settings.method() == SolverSettings.Method.EP_ROM
        ? new ExactProjectionUpdate(p, rank, settings)
        : new HeadTailUpdate(p, rank, settings, rng, cheapStateUpdates);
  }

  abstract Move move(Inputs in, StepChooser chooser);

  /**
   * The block whose product with G the coming {@link #move} will ask for first, drawn now so
   * that the evaluation pass can compute that product in the same read of the rows; null when
   * the move has no such block. Called once before each move.
   */
  double[][] startBlock() {
    return null;
  }

  /**
   * Called with the head whose step is about to be searched: a nonzero tag when the rows'
   * projections onto it, which that search computes anyway, are to be kept in the blocks' state
   * for the next evaluation ({@link #startBlockProjections}); 0 (the default) when not.
   */
  long keepProjectionsOf(FactoredSymmetric head) {
    return 0;
  }

  /**
   * The tag under which the blocks' state holds the rows' projections onto exactly the columns
   * of the last {@link #startBlock()}, or 0 when it does not.
   */
  long startBlockProjections() {
    return 0;
  }

  /** Whether products with G are passes over the rows (matrix-free), so worth fusing. */
  boolean productsPassOverRows() {
    return false;
  }

  /**
   * The step along a head given factored or dense: 1 under the unit rule, else the caller's
   * choice from the step Gram pass (§4.2), with the ridge penalty's part when λ > 0.
   */
  StepSize step(Inputs in, StepChooser chooser, FactoredSymmetric headL,
      DenseSymmetricMatrix headDense) {
    if (unitStep) {
      return StepSize.unit();
    }
    StepSize.Penalty penalty = ridge == 0 ? null : in.penalty(ridge, headL, headDense);
    return chooser.choose(new StepGram(headL, headDense, in.dBeta, in.dC, in.momentum,
        in.batch, headL == null ? 0 : keepProjectionsOf(headL)), penalty);
  }

  /** Matrix–vector product columns the last move spent on its head (0 for the exact projection). */
  abstract int productColumns();
}
