package polynomialnetwork.engine.data;

import java.io.Serializable;

/**
 * The training data held in memory: m rows of p features, a target per row and an optional
 * non-negative weight per row, as a sequence of {@link RowBlock}s of at most
 * {@link #DEFAULT_BLOCK_ROWS} rows. Blocks are the unit of every data pass (they keep a pass's
 * working set in cache, give the JIT short loops to compile, and are the unit of threading), and
 * they make data sets with m·p &gt; 2³¹ possible, since no single Java array has to hold all of X.
 * The solver reaches them only through {@link ThreadedRowBlocks}.
 *
 * <p>The matrix is never modified.
 */
public final class DesignMatrix implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Rows per block: about a thousand, so that a block of a few hundred columns stays in the
   * core's cache while a pass works on it, and the per-block overhead is spread over many rows.
   */
  public static final int DEFAULT_BLOCK_ROWS = 1024;

  private final int rows;
  private final int cols;
  private final int blockRows;
  private final RowBlock[] blocks;

  private DesignMatrix(int rows, int cols, int blockRows, RowBlock[] blocks) {
    this.rows = rows;
    this.cols = cols;
    this.blockRows = blockRows;
    this.blocks = blocks;
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

  /** The rows of every block but the last. */
  public int blockRows() {
    return blockRows;
  }

  /** Block {@code b}. */
  public RowBlock rowBlock(int b) {
    return blocks[b];
  }

  /** The targets y, copied out of the blocks (for tests and small helpers, not for passes). */
  public double[] target() {
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = blocks[i / blockRows].target(i % blockRows);
    }
    return y;
  }

  /** The row weights copied out of the blocks, or null when every row has weight 1. */
  public double[] weights() {
    boolean any = false;
    for (RowBlock b : blocks) {
      any |= b.weighted();
    }
    if (!any) {
      return null;
    }
    double[] w = new double[rows];
    for (int i = 0; i < rows; i++) {
      w[i] = weight(i);
    }
    return w;
  }

  public double weight(int i) {
    return blocks[i / blockRows].weight(i % blockRows);
  }

  /** Value at row i, column j (slow: for tests and small helpers, not for data passes). */
  public double get(int i, int j) {
    return blocks[i / blockRows].values()[(i % blockRows) * cols + j];
  }

  /** Copy of row i. */
  public double[] row(int i) {
    double[] r = new double[cols];
    System.arraycopy(blocks[i / blockRows].values(), (i % blockRows) * cols, r, 0, cols);
    return r;
  }

  /** A design matrix over the same rows with different targets (used by the solvers' tests). */
  public DesignMatrix withTarget(double[] newTarget) {
    if (newTarget.length != rows) {
      throw new IllegalArgumentException("Target length " + newTarget.length + " != rows " + rows);
    }
    RowBlock[] out = new RowBlock[blocks.length];
    for (int b = 0; b < blocks.length; b++) {
      RowBlock old = blocks[b];
      double[] w = null;
      if (old.weighted()) {
        w = new double[old.rows()];
        for (int i = 0; i < w.length; i++) {
          w[i] = old.weight(i);
        }
      }
      out[b] = new RowBlock(old.rows(), cols, old.values(),
          java.util.Arrays.copyOfRange(newTarget, b * blockRows, b * blockRows + old.rows()), w);
    }
    return new DesignMatrix(rows, cols, blockRows, out);
  }

  /**
   * Builds a design matrix row by row, allocating block by block so that no second full copy of
   * the data is ever held.
   */
  public static final class Builder {
    private final int cols;
    private final int blockRows;
    private final java.util.List<RowBlock> done = new java.util.ArrayList<>();
    private double[] x;
    private double[] y;
    private double[] w;
    private int inBlock;
    private int rows;

    public Builder(int cols, int expectedRows) {
      this(cols, expectedRows, DEFAULT_BLOCK_ROWS);
    }

    /** @param expectedRows a hint only (kept for callers that know it) */
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
    }

    /** Appends a row (copied); {@code row.length} must equal the column count. */
    public Builder addRow(double[] row, double target, double weight) {
      if (row.length != cols) {
        throw new IllegalArgumentException("Row " + rows + " has " + row.length
            + " values, expected " + cols);
      }
      if (x == null) {
        x = new double[blockRows * cols];
        y = new double[blockRows];
        w = new double[blockRows];
      }
      System.arraycopy(row, 0, x, inBlock * cols, cols);
      y[inBlock] = target;
      w[inBlock] = weight;
      inBlock++;
      rows++;
      if (inBlock == blockRows) {
        finishBlock();
      }
      return this;
    }

    /** Adds the rows i of {@code block} with {@code keep[i]}, in their order. */
    public Builder addRows(RowBlock block, boolean[] keep) {
      double[] row = new double[cols];
      for (int i = 0; i < block.rows(); i++) {
        if (keep[i]) {
          System.arraycopy(block.values(), block.offset(i), row, 0, cols);
          addRow(row, block.target(i), block.weight(i));
        }
      }
      return this;
    }

    private void finishBlock() {
      int n = inBlock;
      boolean unit = true;
      for (int i = 0; i < n && unit; i++) {
        unit = w[i] == 1.0;
      }
      done.add(new RowBlock(n, cols, n == blockRows ? x : java.util.Arrays.copyOf(x, n * cols),
          n == blockRows ? y : java.util.Arrays.copyOf(y, n),
          unit ? null : n == blockRows ? w : java.util.Arrays.copyOf(w, n)));
      x = null;
      y = null;
      w = null;
      inBlock = 0;
    }

    public int rows() {
      return rows;
    }

    /**
     * @param keepWeights false to give every row weight 1, whatever was added
     */
    public DesignMatrix build(boolean keepWeights) {
      if (rows == 0) {
        throw new IllegalArgumentException("A design matrix needs at least one row.");
      }
      if (inBlock > 0) {
        finishBlock();
      }
      RowBlock[] bl = done.toArray(new RowBlock[0]);
      if (!keepWeights) {
        for (int b = 0; b < bl.length; b++) {
          if (bl[b].weighted()) {
            bl[b] = new RowBlock(bl[b].rows(), cols, bl[b].values(), targets(bl[b]), null);
          }
        }
      }
      done.clear();
      return new DesignMatrix(rows, cols, blockRows, bl);
    }

    private static double[] targets(RowBlock b) {
      double[] t = new double[b.rows()];
      for (int i = 0; i < t.length; i++) {
        t[i] = b.target(i);
      }
      return t;
    }
  }
}
