package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.objective.LossGradient;
import polynomialnetwork.engine.objective.UpdateDirection;

/**
 * How L moves in one iteration of Algorithm 1 (doc/algorithms.md §3): by the exact projection
 * of EP-ROM ({@link ExactProjectionUpdate}) or by a head projection and the exact tail of AP-ROM
 * ({@link HeadTailUpdate}). The step along the new direction is chosen by the caller's rule
 * from the objective's step model along that direction (§4).
 */
abstract class LowRankUpdate {

  /**
   * A run is slow when its best objective fell less than {@link #SLOW_FACTOR}-fold over the last
   * {@link #SLOW_WINDOW} iterations; the loop tells the update
   * ({@link Inputs#slow}), and {@link HeadTailUpdate} then takes a head step
   * (doc/algorithms.md §3.9). A tangent step that converges contracts the objective by about 0.4
   * per iteration (planted p = 200: 22 iterations from 1 to 1e-8), 100-fold in five; a 5-fold
   * bound leaves such runs alone and catches the crawls tangent steps can fall into. Measured on
   * the non-Gaussian acceptance problems (p = 50, r = 3, m = 5 000, 10 seeds each): without the
   * rule one log-normal seed crawled from a relative residual of 8·10⁻⁵ for 280 iterations; with
   * a 2-fold bound it took 198 iterations, with 5-fold at most 74 (log-normal), 86 (correlated)
   * and 40 (binary inputs), where head steps throughout take medians of 68, 185 and 47.
   */
  static final int SLOW_WINDOW = 5;
  static final double SLOW_FACTOR = 5;

  /** What an update needs from the loop: the point, the gradient there, the linear directions. */
  static final class Inputs {
    final LossGradient gradient;
    final Iterate current;
    /** The iterate before the current one; null at the start. */
    final Iterate previous;
    /** Whether the step may include the previous step (the search rule, from the second step). */
    final boolean momentum;
    final double[] dBeta;
    final double dC;
    /** Whether the run is slow: its best objective fell less than {@link #SLOW_FACTOR}-fold over
     * the last {@link #SLOW_WINDOW} iterations. */
    final boolean slow;

    Inputs(LossGradient gradient, Iterate current, Iterate previous, boolean momentum,
        double[] dBeta, double dC, boolean slow) {
      this.gradient = gradient;
      this.current = current;
      this.previous = previous;
      this.momentum = momentum;
      this.dBeta = dBeta;
      this.dC = dC;
      this.slow = slow;
    }

    /** The ridge penalty's part of the step search, for a head given factored or dense. */
    StepSize.Penalty penalty(double ridge, FactoredSymmetric headL, DenseSymmetricMatrix headDense) {
      return new StepSize.Penalty(ridge * gradient.batchWeight(), headL, headDense, dBeta,
          current.interaction, momentum ? previous.interaction : null, current.linear,
          previous == null ? null : previous.linear);
    }
  }

  /** Chooses the step along a direction (one step-model pass over the rows) and the penalty. */
  interface StepChooser {
    StepSize choose(UpdateDirection direction, StepSize.Penalty penalty);
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

  abstract Move move(Inputs in, StepChooser chooser);

  /**
   * Prepares the coming {@link #move} and returns the basis whose product with the gradient it
   * will ask for first, when that product is a pass over the rows (so that the evaluation may
   * compute it in the same read of the rows); null when there is none. Called once before each
   * evaluation, with the L about to be evaluated.
   */
  double[][] plannedBasis(FactoredSymmetric current) {
    return null;
  }

  /**
   * The step along a head given factored or dense: 1 under the unit rule, else the caller's
   * choice along the head and the linear direction (§4.2), with the ridge penalty's part when
   * λ > 0.
   */
  StepSize step(Inputs in, StepChooser chooser, FactoredSymmetric headL,
      DenseSymmetricMatrix headDense) {
    if (unitStep) {
      return StepSize.unit();
    }
    StepSize.Penalty penalty = ridge == 0 ? null : in.penalty(ridge, headL, headDense);
    return chooser.choose(new UpdateDirection(headL, headDense, in.dBeta, in.dC, in.momentum),
        penalty);
  }

  /** Matrix–vector product columns the last move spent on its head (0 for the exact projection). */
  abstract int productColumns();
}
