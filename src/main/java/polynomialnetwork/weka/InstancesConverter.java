package polynomialnetwork.weka;

import polynomialnetwork.engine.Standardization;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.WeightScaling;
import java.io.Serializable;

import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.unsupervised.attribute.NominalToBinary;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/**
 * Turns Weka {@link Instances} into the engine's {@link DesignMatrix} and keeps everything needed
 * to apply exactly the same transformation to a new instance:
 *
 * <ol>
 * <li>instances with a missing class are dropped (training only);</li>
 * <li>missing values are replaced by the training means / modes ({@link ReplaceMissingValues});
 * </li>
 * <li>nominal attributes become 0/1 indicator columns ({@link NominalToBinary});</li>
 * <li>every column is standardized, x_std = (x − μ) / s, and the class, y_std = (y − μ_y) / s_y,
 * with weighted means and standard deviations ({@link Standardization}).</li>
 * </ol>
 *
 * The data given by the user is never modified: the filters work on copies.
 */
public final class InstancesConverter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ReplaceMissingValues missing;
  private final NominalToBinary nominalToBinary;
  private final int classIndex;
  private final int[] columns;
  private final String[] columnNames;
  private final String className;
  private final Standardization standardization;
  private final double trainingWeight;
  private final int trainingRows;

  private InstancesConverter(ReplaceMissingValues missing, NominalToBinary nominalToBinary,
      Instances coded, int[] columns, Standardization standardization, double trainingWeight,
      int trainingRows) {
    this.missing = missing;
    this.nominalToBinary = nominalToBinary;
    this.classIndex = coded.classIndex();
    this.columns = columns;
    this.columnNames = new String[columns.length];
    for (int j = 0; j < columns.length; j++) {
      columnNames[j] = coded.attribute(columns[j]).name();
    }
    this.className = coded.classAttribute().name();
    this.standardization = standardization;
    this.trainingWeight = trainingWeight;
    this.trainingRows = trainingRows;
  }

  /** A converter fitted on training data, and that data as a standardized design matrix. */
  public static final class Prepared {
    public final InstancesConverter converter;
    /** The standardized training rows and targets; null when there are no rows or no columns. */
    public final DesignMatrix matrix;

    Prepared(InstancesConverter converter, DesignMatrix matrix) {
      this.converter = converter;
      this.matrix = matrix;
    }
  }

  /**
   * Fits the filters and the standardization on {@code data} (which is not modified) and returns
   * the converted training set.
   */
  public static Prepared fit(Instances data) throws Exception {
    int weightShift = WeightScaling.shiftFor(rejectInfinities(data));
    // The rows are read where they are: a row with a missing value goes through the fitted
    // replacement on its own, any other row is its own replacement. Filter.useFilter would copy
    // the data set three times over (the input buffer, the output queue, the result), and the
    // rows with a missing class would need a copy of their own to be dropped.
    ReplaceMissingValues missing = replacement(data, meansAndModes(data));
    NominalToBinary nominalToBinary = new NominalToBinary();
    nominalToBinary.setInputFormat(missing.getOutputFormat());
    Instances coded = nominalToBinary.getOutputFormat();
    boolean codingIsIdentity = !hasNominalInput(data);

    int[] columns = inputColumns(coded);
    int p = columns.length;

    int m = 0;
    Standardization.Accumulator acc = new Standardization.Accumulator(p);
    double[] x = new double[p];
    for (int i = 0; i < data.numInstances(); i++) {
      if (!data.instance(i).classIsMissing()) {
        Instance inst = code(nominalToBinary, fill(missing, data.instance(i)), codingIsIdentity);
        acc.add(extract(inst, columns, x), inst.classValue(),
            WeightScaling.apply(inst.weight(), weightShift));
        m++;
      }
    }
    Standardization std = acc.build();
    if (data.classAttribute().isNominal()) {
      std = std.withoutTargetScaling();
    }
    InstancesConverter converter = new InstancesConverter(missing, nominalToBinary, coded, columns,
        std, Math.scalb(acc.totalWeight(), -weightShift), m);
    if (m == 0 || p == 0 || !(acc.totalWeight() > 0)) {
      return new Prepared(converter, null);
    }
    DesignMatrix.Builder b = new DesignMatrix.Builder(p, m);
    for (int i = 0; i < data.numInstances(); i++) {
      if (!data.instance(i).classIsMissing()) {
        Instance inst = code(nominalToBinary, fill(missing, data.instance(i)), codingIsIdentity);
        std.standardize(extract(inst, columns, x), x);
        b.addRow(x, std.standardizeTarget(inst.classValue()),
            WeightScaling.apply(inst.weight(), weightShift));
      }
    }
    return new Prepared(converter, b.build(true));
  }

  /**
   * What {@link ReplaceMissingValues} fits on the rows of {@code data} with a known class, in its
   * own arithmetic, so that the result is the same to the last bit: per attribute, a numeric
   * one's weighted mean of its known values (0 when their weight is not above 1e-6), a nominal
   * one's most frequent value by weight (the first of equals; NaN when it has no values). The
   * weights of the rows are counted from the total down, as the filter counts them, which also
   * gives a sparse row's unstored zeros their weight.
   */
  static double[] meansAndModes(Instances data) {
    int n = data.numAttributes();
    double sumOfWeights = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      if (!data.instance(i).classIsMissing()) {
        sumOfWeights += data.instance(i).weight();
      }
    }
    double[][] counts = new double[n][];
    double[] known = new double[n];
    double[] sums = new double[n];
    for (int a = 0; a < n; a++) {
      known[a] = sumOfWeights;
      if (data.attribute(a).isNominal()) {
        counts[a] = new double[data.attribute(a).numValues()];
        if (counts[a].length > 0) {
          counts[a][0] = sumOfWeights;
        }
      }
    }
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      if (inst.classIsMissing()) {
        continue;
      }
      double w = inst.weight();
      for (int s = 0; s < inst.numValues(); s++) {
        int a = inst.index(s);
        boolean nominal = counts[a] != null;
        if (!inst.isMissingSparse(s)) {
          if (nominal && counts[a].length > 0) {
            counts[a][(int) inst.valueSparse(s)] += w;
            counts[a][0] -= w;
          } else if (!nominal && data.attribute(a).isNumeric()) {
            sums[a] += w * inst.valueSparse(s);
          }
        } else if (nominal && counts[a].length > 0) {
          counts[a][0] -= w;
        } else if (!nominal && data.attribute(a).isNumeric()) {
          known[a] -= w;
        }
      }
    }
    double[] mm = new double[n];
    for (int a = 0; a < n; a++) {
      if (counts[a] != null) {
        mm[a] = counts[a].length == 0 ? Double.NaN : Utils.maxIndex(counts[a]);
      } else if (data.attribute(a).isNumeric() && Utils.gr(known[a], 0)) {
        mm[a] = sums[a] / known[a];
      }
    }
    return mm;
  }

  /** The row with its missing values replaced; the row itself when it has none. */
  private static Instance fill(ReplaceMissingValues missing, Instance row) {
    if (!row.hasMissingValue()) {
      return row;
    }
    if (!missing.input(row)) {
      throw new IllegalStateException("ReplaceMissingValues held back a row after fitting");
    }
    return missing.output();
  }

  /**
   * A converter assembled from summaries computed elsewhere (on the partitions of a Spark data
   * set): the same filters {@link #fit} configures, with the missing-value replacement set to the
   * given means and modes instead of fitted on rows held here. Its {@link #standardization()} is
   * null until {@link #withStandardization} gives one; {@link #codedFeatures} works before.
   *
   * @param header the training data's attributes, class index set, no rows needed
   * @param meansAndModes per attribute, the weighted mean of its known values (numeric) or the
   *     index of its most frequent value (nominal), over the rows with a known class; NaN where an
   *     attribute has no known value (it is then replaced by 0, as {@link ReplaceMissingValues}
   *     does)
   */
  public static InstancesConverter coding(Instances header, double[] meansAndModes)
      throws Exception {
    if (meansAndModes.length != header.numAttributes()) {
      throw new IllegalArgumentException(meansAndModes.length + " means and modes for "
          + header.numAttributes() + " attributes");
    }
    ReplaceMissingValues missing = replacement(header, meansAndModes);
    NominalToBinary nominalToBinary = new NominalToBinary();
    nominalToBinary.setInputFormat(missing.getOutputFormat());
    Instances coded = nominalToBinary.getOutputFormat();
    return new InstancesConverter(missing, nominalToBinary, coded, inputColumns(coded), null, 0,
        0);
  }

  /**
   * {@link ReplaceMissingValues} for {@code header}'s attributes (its rows are not read), set to
   * the given means and modes. The filter keeps them private and fits them on a batch: a batch of
   * one row holding exactly those values, with weight 1, makes it fit exactly them (a mean of one value v with weight 1 is v, a mode is the one value
   * seen, and a missing value leaves 0, as a mean over no weight does).
   */
  private static ReplaceMissingValues replacement(Instances header, double[] meansAndModes)
      throws Exception {
    Instances empty = new Instances(header, 0);
    ReplaceMissingValues missing = new ReplaceMissingValues();
    missing.setInputFormat(empty);
    DenseInstance fitted = new DenseInstance(1.0, meansAndModes.clone());
    fitted.setDataset(empty);
    missing.input(fitted);
    missing.batchFinished();
    while (missing.output() != null) {
      // drain the one converted row: the filter is now fitted
    }
    return missing;
  }

  /**
   * This converter with the standardization of its coded training rows, their total weight and
   * their number (computed where the rows are).
   */
  public InstancesConverter withStandardization(Standardization std, double trainingWeight,
      long trainingRows) {
    return new InstancesConverter(missing, nominalToBinary, nominalToBinary.getOutputFormat(),
        columns, std, trainingWeight, (int) Math.min(Integer.MAX_VALUE, trainingRows));
  }

  /** The indices of the coded header's attributes other than the class: the network's inputs. */
  private static int[] inputColumns(Instances coded) {
    int[] columns = new int[coded.numAttributes() - 1];
    for (int a = 0, j = 0; a < coded.numAttributes(); a++) {
      if (a != coded.classIndex()) {
        columns[j++] = a;
      }
    }
    return columns;
  }

  /** True when some attribute other than the class is nominal, i.e. indicator coding changes it. */
  private static boolean hasNominalInput(Instances data) {
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a != data.classIndex() && data.attribute(a).isNominal()) {
        return true;
      }
    }
    return false;
  }

  /**
   * One training row through the (already configured) indicator coding. With no nominal input
   * the coding keeps every attribute in place, so the row is used as it is rather than copied.
   */
  private static Instance code(NominalToBinary nominalToBinary, Instance filled,
      boolean codingIsIdentity) {
    if (codingIsIdentity) {
      return filled;
    }
    if (!nominalToBinary.input(filled)) {
      throw new IllegalStateException("NominalToBinary held back a row; it codes rows one by one");
    }
    return nominalToBinary.output();
  }

  /**
   * An infinite value cannot be standardized and would make every prediction NaN; say where it
   * is instead of failing later with an anonymous message. (NaN is Weka's missing value and is
   * replaced like any other missing value.) A negative, NaN or infinite instance weight is
   * refused the same way: it would silently corrupt the weighted means and the loss.
   *
   * @return the largest weight of an instance with a known class
   */
  static double rejectInfinities(Instances data) {
    double maxWeight = 0;
    int[] nominalValues = new int[data.numAttributes()]; // 0 for a non-nominal attribute
    for (int a = 0; a < nominalValues.length; a++) {
      nominalValues[a] = data.attribute(a).isNominal() ? data.attribute(a).numValues() : 0;
    }
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      for (int a = 0; a < data.numAttributes(); a++) {
        double v = inst.value(a);
        if (nominalValues[a] > 0 && !isNominalIndex(v, nominalValues[a])) {
          // only possible through the API (an ARFF file names its values)
          throw new IllegalArgumentException("PolynomialNetwork: nominal attribute '"
            + data.attribute(a).name() + "' has value index " + v + " in instance " + (i + 1)
            + "; it must be a whole number from 0 to " + (data.attribute(a).numValues() - 1)
            + " (one of its " + data.attribute(a).numValues() + " values) or missing.");
        }
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("PolynomialNetwork: attribute '"
            + data.attribute(a).name() + "' is " + v + " in instance " + (i + 1)
            + "; infinite values cannot be used. Replace them (e.g. by a missing value '?') "
            + "or remove the instance.");
        }
      }
      if (!(inst.weight() >= 0) || Double.isInfinite(inst.weight())) {
        throw new IllegalArgumentException("PolynomialNetwork: instance " + (i + 1)
          + " has weight " + inst.weight() + "; weights must be finite and >= 0.");
      }
      if (!inst.classIsMissing()) { // rows without a class are dropped; they must not set it
        maxWeight = Math.max(maxWeight, inst.weight());
      }
    }
    return maxWeight;
  }

  /**
   * The smallest and largest class value of the instances with a class and positive weight
   * (the range predictions are clipped around); {+∞, −∞} when there are none.
   */
  public static double[] classRange(Instances data) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      if (!inst.classIsMissing() && inst.weight() > 0) {
        min = Math.min(min, inst.classValue());
        max = Math.max(max, inst.classValue());
      }
    }
    return new double[] {min, max};
  }

  /**
   * Whether v can be the value of a nominal attribute with {@code values} values: missing (NaN)
   * or a whole number in [0, values). Anything else only comes through the API, and Weka's
   * filters would fail on it with an index error or use it silently.
   */
  public static boolean isNominalIndex(double v, int values) {
    return Double.isNaN(v) || (v == Math.rint(v) && v >= 0 && v < values);
  }

  private static double[] extract(Instance inst, int[] columns, double[] out) {
    for (int j = 0; j < columns.length; j++) {
      out[j] = inst.value(columns[j]);
    }
    return out;
  }

  /**
   * The columns of a new instance after missing-value replacement and indicator coding, i.e. on
   * the original scale the report's "original units" network uses.
   */
  public double[] codedFeatures(Instance instance) throws Exception {
    missing.input(instance);
    Instance filled = missing.output();
    nominalToBinary.input(filled);
    Instance coded = nominalToBinary.output();
    return extract(coded, columns, new double[columns.length]);
  }

  /**
   * {@link #codedFeatures(Instance)} of a row given as Weka-coded values (one per attribute of
   * the training header, NaN for missing). A row with nothing missing and no nominal input is
   * its own coding (the filters would copy its values), so it is not sent through them.
   */
  public double[] codedFeatures(double[] values, Instances header) throws Exception {
    boolean identity = columns.length == values.length - 1;
    for (int a = 0; identity && a < values.length; a++) {
      identity = a == header.classIndex()
          || (!Double.isNaN(values[a]) && header.attribute(a).isNumeric());
    }
    if (identity) {
      double[] x = new double[columns.length];
      for (int a = 0, j = 0; a < values.length; a++) {
        if (a != header.classIndex()) {
          x[j++] = values[a];
        }
      }
      return x;
    }
    DenseInstance inst = new DenseInstance(1.0, values.clone());
    inst.setDataset(header);
    return codedFeatures(inst);
  }

  /**
   * Refuses an instance that does not have the training data's attributes.
   *
   * @throws IllegalArgumentException naming both counts
   */
  public void requireAttributesOf(Instance instance) {
    int expected = numAttributes();
    if (instance.numAttributes() != expected) {
      throw new IllegalArgumentException("PolynomialNetwork: the instance has "
        + instance.numAttributes() + " attributes, the model was trained on " + expected + ".");
    }
  }

  /**
   * The standardized columns of a new instance, as the network sees them. The instance must
   * have a header (Weka's filters read it), no infinite value and valid nominal indices; each
   * is refused with a message naming the attribute.
   */
  public double[] standardizedFeatures(Instance instance) throws Exception {
    requireAttributesOf(instance);
    if (instance.dataset() == null) {
      // Weka's filters read the header through the instance; without one they fail deep inside
      throw new IllegalArgumentException("PolynomialNetwork: the instance to predict has no "
        + "dataset (header). Call instance.setDataset(...) with the training data's header first.");
    }
    for (int a = 0; a < instance.numAttributes(); a++) {
      double v = instance.value(a);
      if (Double.isInfinite(v)) {
        throw new IllegalArgumentException("PolynomialNetwork: attribute '"
          + instance.attribute(a).name() + "' of the instance to predict is " + v
          + "; infinite values cannot be used (a missing value '?' can).");
      }
      if (a != instance.classIndex() && instance.attribute(a).isNominal()
        && !isNominalIndex(v, instance.attribute(a).numValues())) {
        throw new IllegalArgumentException("PolynomialNetwork: nominal attribute '"
          + instance.attribute(a).name() + "' of the instance to predict has value index " + v
          + "; it must be a whole number from 0 to " + (instance.attribute(a).numValues() - 1)
          + " or missing.");
      }
    }
    double[] x = codedFeatures(instance);
    return standardization.standardize(x, x);
  }

  public Standardization standardization() {
    return standardization;
  }

  /** Number of attributes (class included) of the training data, which instances must have. */
  public int numAttributes() {
    return missing.getOutputFormat().numAttributes();
  }

  /** Number of columns p after indicator coding. */
  public int columns() {
    return columns.length;
  }

  /** Copy of the column names (nominal attributes appear as "attribute=value"). */
  public String[] columnNames() {
    return columnNames.clone();
  }

  public String className() {
    return className;
  }

  /** Index of the class in the coded header (kept for completeness). */
  public int classIndex() {
    return classIndex;
  }

  /** Sum of the weights of the training instances with a known class. */
  public double trainingWeight() {
    return trainingWeight;
  }

  /** Number of training instances with a known class. */
  public int trainingRows() {
    return trainingRows;
  }
}
