package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockState;

/**
 * What the log-loss keeps per row, beside each block ({@link BlockState}): the class scores at
 * the last evaluated point and at the one before (the momentum step needs their difference), the
 * weighted score gradients w_i g_i on the rows the current gradient is taken over (what every
 * Krylov product reads), and the rows' split numbers ({@link RowSplit}). Scores and gradients
 * are stored row-major, {@link ClassScores#scores()} per row.
 *
 * <p>A pass that changes these replaces arrays and never writes into an array it found there, so
 * that a distributed back end can keep the old state until the new one is safe.
 */
final class LogLossRows implements BlockState.Content {

  private static final long serialVersionUID = 1L;

  /** f_i at the last evaluation, or null before the first. */
  double[] scores;
  /** f_i at the evaluation before that, or null. */
  double[] previousScores;
  /** w_i g_i on the rows the gradient is taken over, 0 elsewhere; null before the first. */
  double[] weightedGradient;
  /**
   * The per-row effects v of the last step model's directions (head, previous step, linear),
   * {@code 3·scores} per row, for the line search that follows it; null before.
   */
  double[] directions;
  /** u_i of the validation split, or null before the rows were split. */
  double[] split;
  /** v_i of the fresh-sampling batches, or null before the rows were split. */
  double[] batch;

  /** The rows' numbers, for a pass that only reads them. */
  static LogLossRows of(BlockState state) {
    BlockState.Content c = state.content();
    return c instanceof LogLossRows ? (LogLossRows) c : new LogLossRows();
  }

  /** The rows' numbers, for a pass that updates them (created when the state holds none). */
  static LogLossRows forUpdate(BlockState state) {
    BlockState.Content c = state.content();
    if (c instanceof LogLossRows) {
      return (LogLossRows) c;
    }
    LogLossRows rows = new LogLossRows();
    state.setContent(rows);
    return rows;
  }

  /** A shallow copy: the arrays are shared, which is safe because passes replace them. */
  @Override
  public LogLossRows copy() {
    LogLossRows c = new LogLossRows();
    c.scores = scores;
    c.previousScores = previousScores;
    c.weightedGradient = weightedGradient;
    c.directions = directions;
    c.split = split;
    c.batch = batch;
    return c;
  }
}
