package polynomialnetwork.spark.ml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import polynomialnetwork.spark.DataFrameTraining;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * A Spark ML training set (a features vector column, a label column, optionally a weight
 * column) as the rows {@link DataFrameTraining} trains on: the vector's entries become numeric
 * attributes, named as the column's ML attributes are (e.g. by VectorAssembler), else f0 ..
 * f{p-1}; the label the class, last. Rows with a null or non-finite feature, label or weight (or
 * a negative weight) are refused before anything is trained, with a message naming the column
 * and the number of rows.
 */
final class FeatureRows {

  private static final String ARRAY = "__polynomialnetwork_x";

  private FeatureRows() {
  }

  /**
   * Trains {@code classifier} on the rows of {@code data}.
   *
   * @param classValues the class's values for a nominal class (labels 0 .. k-1), null for a
   *     numeric class
   * @return the header the model was trained with (no rows), to predict with
   */
  static Instances train(String estimator, Dataset<?> data, String featuresCol, String labelCol,
      String weightCol, List<String> classValues, PolynomialNetwork classifier)
      throws Exception {
    Dataset<Row> rows = data.toDF();
    int p = numFeatures(estimator, rows, featuresCol);
    Instances header = header(rows, featuresCol, labelCol, p, classValues);
    Column x = functions.col(ARRAY);
    Column label = functions.col(labelCol).cast(DataTypes.DoubleType);
    Dataset<Row> withArray = rows.withColumn(ARRAY, org.apache.spark.ml.functions.vector_to_array(
        functions.col(featuresCol), "float64"));
    Column badX = x.isNull().or(functions.size(x).notEqual(p)).or(functions.expr(
        "exists(" + ARRAY + ", v -> isnan(v) OR abs(v) = double('Infinity'))"));
    Column badY = label.isNull().or(functions.isnan(label)).or(functions.abs(label)
        .equalTo(Double.POSITIVE_INFINITY));
    if (classValues != null) {
      badY = badY.or(label.notEqual(functions.floor(label))).or(label.lt(0))
          .or(label.geq(classValues.size()));
    }
    Column weight = weightCol == null ? functions.lit(1.0)
        : functions.col(weightCol).cast(DataTypes.DoubleType);
    Column badW = weight.isNull().or(functions.isnan(weight)).or(weight.lt(0))
        .or(weight.equalTo(Double.POSITIVE_INFINITY));
    Row counts = withArray.agg(functions.count(functions.lit(1)),
        functions.sum(functions.when(badX, 1).otherwise(0)),
        functions.sum(functions.when(badY, 1).otherwise(0)),
        functions.sum(functions.when(badW, 1).otherwise(0)),
        functions.sum(weight)).head();
    long total = counts.getLong(0);
    if (total == 0) {
      throw new IllegalArgumentException(estimator + ": the training data has no rows.");
    }
    refuse(estimator, counts, 1, total, "featuresCol '" + featuresCol + "'", "is null, has "
        + "another length than " + p + ", or holds NaN or an infinite value");
    refuse(estimator, counts, 2, total, "labelCol '" + labelCol + "'", classValues == null
        ? "is null, NaN or infinite" : "is null or not a class index 0 .. "
        + (classValues.size() - 1));
    refuse(estimator, counts, 3, total, "weightCol '" + weightCol + "'",
        "is null, NaN, negative or infinite");
    if (weightCol != null && !(counts.getDouble(4) > 0)) {
      throw new IllegalArgumentException(estimator + ": the weights in weightCol '" + weightCol
          + "' add up to " + counts.getDouble(4) + " over the " + total + " rows; at least one"
          + " must be positive.");
    }
    Column[] sel = new Column[p + 2 + (weightCol == null ? 0 : 1)];
    for (int j = 0; j < p; j++) {
      sel[j] = x.getItem(j);
    }
    if (classValues == null) {
      sel[p] = label;
    } else {
      // a class index as the name of its class, which is how the rows' reader takes a nominal
      // value
      Column[] names = new Column[classValues.size()];
      for (int c = 0; c < names.length; c++) {
        names[c] = functions.lit(classValues.get(c));
      }
      sel[p] = functions.element_at(functions.array(names),
          label.cast(DataTypes.IntegerType).plus(1));
    }
    sel[p + 1] = functions.lit(null).cast(DataTypes.StringType);
    if (weightCol != null) {
      sel[p + 2] = weight;
    }
    DataFrameTraining.train(withArray.select(sel).javaRDD(), header, weightCol != null,
        classifier, estimator + "'s training data");
    return header;
  }

  private static void refuse(String estimator, Row counts, int i, long total, String column,
      String what) {
    long bad = counts.isNullAt(i) ? 0 : counts.getLong(i);
    if (bad > 0) {
      throw new IllegalArgumentException(estimator + ": " + column + " " + what + " in " + bad
          + " of the " + total + " rows. Remove or repair those rows before fit (e.g. "
          + "Dataset.na().drop(), an Imputer, or a filter).");
    }
  }

  /** The length of the feature vectors: from the column's ML attributes, else the first row. */
  static int numFeatures(String estimator, Dataset<Row> rows, String featuresCol) {
    AttributeGroup g = AttributeGroup.fromStructField(rows.schema().apply(featuresCol));
    if (g.size() >= 0) {
      return g.size();
    }
    List<Row> first = rows.select(featuresCol).na().drop().takeAsList(1);
    if (first.isEmpty()) {
      throw new IllegalArgumentException(estimator + ": the training data has no rows with a "
          + "value in featuresCol '" + featuresCol + "'.");
    }
    return ((Vector) first.get(0).get(0)).size();
  }

  /** The Weka header: p numeric attributes, then the class. */
  static Instances header(Dataset<Row> rows, String featuresCol, String labelCol, int p,
      List<String> classValues) {
    String[] names = new String[p];
    AttributeGroup g = AttributeGroup.fromStructField(rows.schema().apply(featuresCol));
    Set<String> seen = new HashSet<>();
    boolean named = g.attributes().isDefined();
    for (int j = 0; named && j < p; j++) {
      Attribute a = g.attributes().get()[j];
      named = a.name().isDefined() && seen.add(a.name().get())
          && !a.name().get().equals(labelCol);
      names[j] = named ? a.name().get() : null;
    }
    ArrayList<weka.core.Attribute> atts = new ArrayList<>(p + 1);
    for (int j = 0; j < p; j++) {
      atts.add(new weka.core.Attribute(named ? names[j] : "f" + j));
    }
    String className = !named && labelCol.matches("f\\d+") ? "class" : labelCol;
    atts.add(classValues == null ? new weka.core.Attribute(className)
        : new weka.core.Attribute(className, classValues));
    Instances header = new Instances("spark-ml", atts, 0);
    header.setClassIndex(p);
    return header;
  }
}
