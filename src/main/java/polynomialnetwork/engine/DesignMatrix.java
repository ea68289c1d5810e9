package polynomialnetwork.engine;

import java.io.Serializable;

/**
 * The training data: m rows of p features, a target per row and an optional non-negative weight
 * per row.
 *
 * <p>Rows are stored row-major in blocks of at most {@link #DEFAULT_BLOCK_ROWS} rows, one
 * {@code double[]} per block. Blocks are the unit of every data pass (they keep a pass's working
 * set in cache, give the JIT short loops to compile, and are the unit of threading), and they make
 * data sets with m·p &gt; 2³¹ possible, since no single Java array has to hold all of X.
 *
 * <p>The matrix is never modified by the solvers.
 */
public final class DesignMatrix implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per block: about a thousand, as measured in the kernel study (performance.md §4). */
  public static final int DEFAULT_BLOCK_ROWS = 1024;

  private final int rows;
  private final int cols;
  private final int blockRows;
  private final double[][] blocks;
  private final double[] target;
  private final double[] weight;

  private DesignMatrix(int rows, int cols, int blockRows, double[][] blocks, double[] target,
      double[] weight) {
    this.rows = rows;
    this.cols = cols;
    this.blockRows = blockRows;
    this.blocks = blocks;
    this.target = target;
    this.weight = weight;
  }

  /**
   * Copies a row-major array {@code data} (m·p values) into a design matrix.
   *
   * @param weight per-row weights, or null for unit weights
   */
  public static DesignMatrix fromRowMajor(double[] data, int rows, int cols, double[] target,
      double[] weight) {
    Builder b = new Builder(cols, rows);
    double[] row = new double[cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data, i * cols, row, 0, cols);
      b.addRow(row, target[i], weight == null ? 1.0 : weight[i]);
    }
    return b.build(weight != null);
  }

  /** Copies an array of rows into a design matrix. */
  public static DesignMatrix fromRows(double[][] data, double[] target, double[] weight) {
    if (data.length == 0) {
      throw new IllegalArgumentException("A design matrix needs at least one row.");
    }
    Builder b = new Builder(data[0].length, data.length);
    for (int i = 0; i < data.length; i++) {
      b.addRow(data[i], target[i], weight == null ? 1.0 : weight[i]);
    }
    return b.build(weight != null);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int blockCount() {
    return blocks.length;
  }

  /** The row-major values of block {@code b}: {@link #blockSize(int)} rows of p values. */
  public double[] block(int b) {
    return blocks[b];
  }

  /** Index of the first row of block {@code b}. */
  public int blockStart(int b) {
    return b * blockRows;
  }

  public int blockSize(int b) {
    return Math.min(blockRows, rows - b * blockRows);
  }

  /** The targets y (a view, not a copy: do not modify). */
  public double[] target() {
    return target;
  }

  /** The row weights, or null when every row has weight 1. */
  public double[] weights() {
    return weight;
  }

  public double weight(int i) {
    return weight == null ? 1.0 : weight[i];
  }

  /** Σ w_i. */
  public double totalWeight() {
    if (weight == null) {
      return rows;
    }
    double s = 0;
    for (double w : weight) {
      s += w;
    }
    return s;
  }

  /** ‖x_i‖² for every row (one pass; the solvers use it for tr G in O(m)). */
  public double[] rowSquaredNorms() {
    double[] out = new double[rows];
    for (int b = 0; b < blocks.length; b++) {
      double[] blk = blocks[b];
      int n = blockSize(b);
      int r0 = blockStart(b);
      for (int i = 0; i < n; i++) {
        double s = 0;
        int o = i * cols;
        for (int j = 0; j < cols; j++) {
          double v = blk[o + j];
          s += v * v;
        }
        out[r0 + i] = s;
      }
    }
    return out;
  }

  /** Value at row i, column j (slow: for tests and small helpers, not for data passes). */
  public double get(int i, int j) {
    return blocks[i / blockRows][(i % blockRows) * cols + j];
  }

  /** Copy of row i. */
  public double[] row(int i) {
    double[] r = new double[cols];
    System.arraycopy(blocks[i / blockRows], (i % blockRows) * cols, r, 0, cols);
    return r;
  }

  /** A design matrix over the same rows with different targets (used by the solvers' tests). */
  public DesignMatrix withTarget(double[] newTarget) {
    if (newTarget.length != rows) {
      throw new IllegalArgumentException("Target length " + newTarget.length + " != rows " + rows);
    }
    return new DesignMatrix(rows, cols, blockRows, blocks, newTarget, weight);
  }

  /**
   * Builds a design matrix row by row, allocating block by block so that no second full copy of
   * the data is ever held.
   */
  public static final class Builder {
    private final int cols;
    private final int blockRows;
    private double[][] blocks;
    private double[] target;
    private double[] weight;
    private int rows;

    public Builder(int cols, int expectedRows) {
      this(cols, expectedRows, DEFAULT_BLOCK_ROWS);
    }

    public Builder(int cols, int expectedRows, int blockRows) {
      if (cols < 1) {
        throw new IllegalArgumentException("A design matrix needs at least one column.");
      }
      if (blockRows < 1) {
        throw new IllegalArgumentException("blockRows must be positive");
      }
      long perBlock = (long) cols * blockRows;
      int br = blockRows;
      if (perBlock > Integer.MAX_VALUE - 16) {
        br = Math.max(1, (Integer.MAX_VALUE - 16) / cols);
      }
      this.cols = cols;
      this.blockRows = br;
      int cap = Math.max(1, expectedRows);
      this.blocks = new double[(cap + br - 1) / br][];
      this.target = new double[cap];
      this.weight = new double[cap];
    }

    /** Appends a row (copied); {@code row.length} must equal the column count. */
    public Builder addRow(double[] row, double y, double w) {
      if (row.length != cols) {
        throw new IllegalArgumentException("Row " + rows + " has " + row.length
            + " values, expected " + cols);
      }
      if (rows == target.length) {
        int cap = target.length * 2;
        target = java.util.Arrays.copyOf(target, cap);
        weight = java.util.Arrays.copyOf(weight, cap);
      }
      int b = rows / blockRows;
      if (b >= blocks.length) {
        blocks = java.util.Arrays.copyOf(blocks, Math.max(b + 1, blocks.length * 2));
      }
      if (blocks[b] == null) {
        blocks[b] = new double[blockRows * cols];
      }
      System.arraycopy(row, 0, blocks[b], (rows % blockRows) * cols, cols);
      target[rows] = y;
      weight[rows] = w;
      rows++;
      return this;
    }

    public int rows() {
      return rows;
    }

    /**
     * @param keepWeights false when every weight is 1, to skip weight arithmetic in the passes
     */
    public DesignMatrix build(boolean keepWeights) {
      if (rows == 0) {
        throw new IllegalArgumentException("A design matrix needs at least one row.");
      }
      int nb = (rows + blockRows - 1) / blockRows;
      double[][] bl = new double[nb][];
      for (int b = 0; b < nb; b++) {
        int size = Math.min(blockRows, rows - b * blockRows);
        bl[b] = size * cols == blocks[b].length ? blocks[b]
            : java.util.Arrays.copyOf(blocks[b], size * cols);
        blocks[b] = null; // let the builder's copy go as we go
      }
      boolean allOne = true;
      for (int i = 0; i < rows && allOne; i++) {
        allOne = weight[i] == 1.0;
      }
      double[] w = keepWeights && !allOne ? java.util.Arrays.copyOf(weight, rows) : null;
      return new DesignMatrix(rows, cols, blockRows, bl, java.util.Arrays.copyOf(target, rows), w);
    }
  }
}
