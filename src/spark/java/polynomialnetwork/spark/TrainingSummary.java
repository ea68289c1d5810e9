package polynomialnetwork.spark;

import java.io.Serializable;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The first pass over the rows with a known header, made over the rows as read once
 * ({@link ParsedRows}): whether every row fits it (the first that does not is kept, to be
 * reported), how many rows there are and how many have a class value,
 * the class range (for clipping predictions), and per attribute what Weka's missing-value
 * replacement needs: the sum and count of a numeric attribute's known values over the rows with
 * a class, and a nominal attribute's value counts (for a nominal class, the rows of each class).
 * Every sum and count is weighted by the rows' instance weights, as Weka's
 * {@code ReplaceMissingValues} weighs them (1 each without a weight column; the weights were
 * checked as the rows were read: finite, &gt;= 0, present), and their largest value and total
 * over the rows with a class are kept, for {@link polynomialnetwork.engine.data.WeightScaling}.
 *
 * <p>With a weight column the known weight of an attribute is counted as the filter counts it:
 * from the total weight of the rows with a class down, subtracting the weight of each row where
 * the attribute is missing (and a nominal attribute's first value's weight likewise, from the
 * total down by the weight of the rows with another value or none), so that on one partition
 * the means and modes are the filter's to the last bit (a mean differing in its last bit would
 * standardize to another rounding residual, and put its rows into other validation folds). The
 * first partition's summary starts at the total, the others at 0.
 */
final class TrainingSummary implements Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean[] numeric;
  private final double[] sum;
  private final double[] known;
  private final double[][] counts;
  private final int classIndex;
  /** Whether known weights are counted down from the total (with a weight column). */
  private final boolean countDown;
  long rows;
  long rowsWithClass;
  /** CSV rows with another number of fields than the header's, left out as the user asked. */
  long malformedSkipped;
  /**
   * Rows marked invalid and left out ({@link ParsedRows#invalid}): in all, with an invalid input
   * value, class value, weight.
   */
  final long[] invalid = new long[4];
  double classMin = Double.POSITIVE_INFINITY;
  double classMax = Double.NEGATIVE_INFINITY;
  /** The largest weight of a row with a class value. */
  double maxWeight;
  /** The total weight of the rows with a class value. */
  double totalWeight;
  /** What is wrong with the first row (in partition order) that does not fit, or null. */
  String problem;

  TrainingSummary(Instances header) {
    this(header, false, 0);
  }

  /**
   * @param countDown whether to count the known weights down from {@code startWeight}, as
   *     Weka's ReplaceMissingValues does (with a weight column)
   * @param startWeight the total weight of the rows with a class in the first partition's
   *     summary, 0 in the others' (with countDown)
   */
  TrainingSummary(Instances header, boolean countDown, double startWeight) {
    this.countDown = countDown;
    int n = header.numAttributes();
    numeric = new boolean[n];
    sum = new double[n];
    known = new double[n];
    counts = new double[n][];
    for (int a = 0; a < n; a++) {
      numeric[a] = header.attribute(a).isNumeric();
      counts[a] = numeric[a] ? null : new double[header.attribute(a).numValues()];
      if (countDown) {
        known[a] = startWeight;
        if (counts[a] != null && counts[a].length > 0) {
          counts[a][0] = startWeight;
        }
      }
    }
    classIndex = header.classIndex();
  }

  /** Adds the rows of {@code chunk}, which come after this summary's in partition order. */
  TrainingSummary add(ParsedRows chunk) {
    if (problem != null) {
      return this;
    }
    rows += chunk.rowsRead;
    malformedSkipped += chunk.malformedSkipped;
    for (int k = 0; k < invalid.length; k++) {
      invalid[k] += chunk.invalid[k];
    }
    problem = chunk.problem;
    double[] values = new double[chunk.attributes];
    for (int i = 0; i < chunk.rows; i++) {
      add(chunk.row(i, values), chunk.weight(i));
    }
    return this;
  }

  /** Adds a row with a class value. */
  private void add(double[] values, double w) {
    double y = values[classIndex];
    rowsWithClass++;
    maxWeight = Math.max(maxWeight, w);
    totalWeight += w;
    if (w > 0) {
      // the class range of the rows that count, as InstancesConverter.classRange takes it
      classMin = Math.min(classMin, y);
      classMax = Math.max(classMax, y);
    }
    for (int a = 0; a < values.length; a++) {
      double v = values[a];
      if (countDown) {
        if (numeric[a]) {
          if (Double.isNaN(v)) {
            known[a] -= w;
          } else {
            sum[a] += w * v;
          }
        } else if (counts[a].length > 0 && (Double.isNaN(v) || v != 0)) {
          if (!Double.isNaN(v)) {
            counts[a][(int) v] += w;
          }
          counts[a][0] -= w;
        }
      } else if (!Double.isNaN(v)) {
        if (numeric[a]) {
          sum[a] += w * v;
          known[a] += w;
        } else {
          counts[a][(int) v] += w;
        }
      }
    }
  }

  /** Adds {@code later}'s rows, which come after this summary's in partition order. */
  TrainingSummary merge(TrainingSummary later) {
    if (problem == null) {
      problem = later.problem;
    }
    rows += later.rows;
    rowsWithClass += later.rowsWithClass;
    malformedSkipped += later.malformedSkipped;
    for (int k = 0; k < invalid.length; k++) {
      invalid[k] += later.invalid[k];
    }
    classMin = Math.min(classMin, later.classMin);
    classMax = Math.max(classMax, later.classMax);
    maxWeight = Math.max(maxWeight, later.maxWeight);
    totalWeight += later.totalWeight;
    for (int a = 0; a < sum.length; a++) {
      sum[a] += later.sum[a];
      known[a] += later.known[a];
      if (counts[a] != null) {
        for (int v = 0; v < counts[a].length; v++) {
          counts[a][v] += later.counts[a][v];
        }
      }
    }
    return this;
  }

  /**
   * The weight of the rows of each value of a nominal class (unscaled); null for a numeric
   * class.
   */
  double[] classCounts() {
    return counts[classIndex] == null ? null : counts[classIndex].clone();
  }

  /**
   * Per attribute, the weighted mean of a numeric attribute's known values (when their weight is
   * above 1e-6, as Weka's ReplaceMissingValues requires) or the index of a nominal attribute's
   * most frequent value by weight (the first of equals, as the filter takes it), NaN where there
   * is none.
   */
  double[] meansAndModes() {
    double[] mm = new double[sum.length];
    for (int a = 0; a < mm.length; a++) {
      if (numeric[a]) {
        mm[a] = Utils.gr(known[a], 0) ? sum[a] / known[a] : Double.NaN;
      } else {
        mm[a] = counts[a].length == 0 ? Double.NaN : Utils.maxIndex(counts[a]);
      }
    }
    return mm;
  }
}
