package polynomialnetwork.engine.objective;

import java.io.Serializable;

/**
 * Which rows a pass fits on, decided per row from the row's two seeded split numbers u and v
 * ({@link RowSplit}) instead of masks of length m: the rows of validation fold k of n are those
 * with frac(u − k/n) &lt; f (so with f = 1/n the folds are an n-fold cross-validation), and with
 * B fresh-sampling batches, iteration t fits on the rows with ⌊v·B⌋ = t mod B, minus held-out
 * rows.
 */
public final class RowSelection implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Every row, nothing held out. */
  public static final RowSelection ALL = new RowSelection(0, 1, 0, 1, 0);

  private final double fraction;
  private final int runs;
  private final int fold;
  private final int batches;
  private final int batch;

  private RowSelection(double fraction, int runs, int fold, int batches, int batch) {
    this.fraction = fraction;
    this.runs = runs;
    this.fold = fold;
    this.batches = batches;
    this.batch = batch;
  }

  /** Holds out fold {@code fold} of {@code runs}, each a fraction {@code fraction} of the rows. */
  public static RowSelection holdingOut(double fraction, int runs, int fold) {
    return new RowSelection(fraction, runs, fold, 1, 0);
  }

  /** The same hold-out, fitting only on fresh-sampling batch {@code t mod batches}. */
  public RowSelection inBatch(int batches, int t) {
    return batches <= 1 ? this : new RowSelection(fraction, runs, fold, batches, t % batches);
  }

  /** The same hold-out on every batch. */
  public RowSelection allBatches() {
    return batches <= 1 ? this : new RowSelection(fraction, runs, fold, 1, 0);
  }

  /** True when some rows are held out. */
  public boolean holdsOut() {
    return fraction > 0;
  }

  /** True when the fit rows are a strict subset of the rows (hold-out or batches). */
  public boolean restricts() {
    return fraction > 0 || batches > 1;
  }

  /** Whether row i is held out, {@code split} holding the rows' numbers u. */
  public boolean heldOut(double[] split, int i) {
    return fraction > 0 && heldOut(split[i], fold, runs, fraction);
  }

  /**
   * Whether row i is fitted on: not held out, and in the current batch ({@code split} and
   * {@code batch} holding the rows' numbers u and v).
   */
  public boolean fits(double[] split, double[] batch, int i) {
    return !heldOut(split, i) && (batches <= 1 || (int) (batch[i] * batches) == this.batch);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowSelection)) {
      return false;
    }
    RowSelection s = (RowSelection) o;
    return Double.compare(fraction, s.fraction) == 0 && runs == s.runs && fold == s.fold
        && batches == s.batches && batch == s.batch;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(fraction, runs, fold, batches, batch);
  }

  /** The fold rule on the hash number u: frac(u − k/n) &lt; f. */
  static boolean heldOut(double u, int fold, int runs, double fraction) {
    double v = u - (double) fold / runs;
    if (v < 0) {
      v += 1;
    }
    return v < fraction;
  }
}
