package polynomialnetwork.engine.data;

import java.io.Serializable;

/**
 * One block of training rows: up to about a thousand rows of p standardized features, their
 * targets and weights, stored row-major in one array. Blocks are the unit of every data pass:
 * a pass visits a block, reads its rows (and its {@link BlockState}), and adds into a small
 * accumulator (doc/algorithms.md §10). A block is immutable once built and knows nothing of the
 * other blocks, which is what lets it live on another machine (a Spark partition).
 */
public final class RowBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int rows;
  private final int cols;
  private final double[] x;
  private final double[] y;
  private final double[] w;
  private final double[] squaredNorms;

  /**
   * @param x rows·cols values, row-major (kept, not copied)
   * @param y one target per row (kept)
   * @param w one weight per row, or null when every weight is 1 (kept)
   */
  public RowBlock(int rows, int cols, double[] x, double[] y, double[] w) {
    if (rows < 1 || cols < 1 || x.length != rows * cols || y.length != rows
        || (w != null && w.length != rows)) {
      throw new IllegalArgumentException("a block of " + rows + " x " + cols + " needs "
          + rows * cols + " values and " + rows + " targets" + (w == null ? "" : " and weights"));
    }
    this.rows = rows;
    this.cols = cols;
    this.x = x;
    this.y = y;
    this.w = w;
    this.squaredNorms = new double[rows];
    for (int i = 0; i < rows; i++) {
      double s = 0;
      int o = i * cols;
      for (int j = 0; j < cols; j++) {
        double v = x[o + j];
        s += v * v;
      }
      squaredNorms[i] = s;
    }
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The row-major values (a view: do not modify). */
  public double[] values() {
    return x;
  }

  /** Offset of row i in {@link #values()}. */
  public int offset(int i) {
    return i * cols;
  }

  public double target(int i) {
    return y[i];
  }

  public double weight(int i) {
    return w == null ? 1.0 : w[i];
  }

  /** True when some row's weight is not 1. */
  public boolean weighted() {
    return w != null;
  }

  /** ‖x_i‖², kept so that tr G costs O(m) (doc/algorithms.md §2). */
  public double squaredNorm(int i) {
    return squaredNorms[i];
  }
}
