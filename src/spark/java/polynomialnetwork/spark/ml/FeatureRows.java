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
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import polynomialnetwork.spark.DataFrameTraining;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * A Spark ML training set (a features vector column, a label column, optionally a weight
 * column) as the rows {@link DataFrameTraining} trains on: the vector's entries become numeric
 * attributes, named as the column's ML attributes are (e.g. by VectorAssembler), else f0 ..
 * f{p-1}; the label the class, last. Rows with a null or non-finite feature, label or weight (or
 * a negative weight) are marked where the rows are made and counted in the one read of the rows
 * ({@link DataFrameTraining}); they are refused before anything is trained, with a message
 * naming the column and the number of rows, or, with handleInvalid = skip, left out and counted
 * in the model's text.
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
      String weightCol, boolean skipInvalid, List<String> classValues,
      PolynomialNetwork classifier) throws Exception {
    Dataset<Row> rows = data.toDF();
    requireColumns(estimator, rows.schema(), featuresCol, labelCol, weightCol);
    int p = numFeatures(estimator, rows, featuresCol);
    Instances header = header(rows, featuresCol, labelCol, p, classValues);
    Column x = functions.col(ARRAY);
    Column label = functions.col(labelCol).cast(DataTypes.DoubleType);
    // vector_to_array fails on a null vector: a null features value stays a null array, which
    // the mask below counts as invalid
    Column features = functions.col(featuresCol);
    Dataset<Row> withArray = rows.withColumn(ARRAY, functions.when(features.isNull(),
        functions.lit(null).cast(DataTypes.createArrayType(DataTypes.DoubleType)))
        .otherwise(org.apache.spark.ml.functions.vector_to_array(features, "float64")));
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
    Column[] sel = new Column[p + 3 + (weightCol == null ? 0 : 1)];
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
    // what is invalid in the row, counted in the one read of the rows (bits as in
    // DataFrameTraining.train)
    sel[sel.length - 1] = functions.when(badX, 1).otherwise(0)
        .plus(functions.when(badY, 2).otherwise(0)).plus(functions.when(badW, 4).otherwise(0));
    String[] columns = {"featuresCol '" + featuresCol + "'", "labelCol '" + labelCol + "'",
      "weightCol '" + weightCol + "'"};
    String[] what = {"is null, has another length than " + p + ", or holds NaN or an infinite "
        + "value", classValues == null ? "is null, NaN or infinite" : "is null or not a class "
        + "index 0 .. " + (classValues.size() - 1), "is null, NaN, negative or infinite"};
    DataFrameTraining.train(withArray.select(sel).javaRDD(), header, weightCol != null,
        classifier, estimator + "'s training data", (total, invalid) -> {
          if (total == 0) {
            throw new IllegalArgumentException(estimator + ": the training data has no rows.");
          }
          if (invalid[0] == 0) {
            return null;
          }
          String counts = invalidCounts(columns, invalid);
          if (!skipInvalid) {
            for (int k = 1; k <= 3; k++) {
              if (invalid[k] > 0) {
                throw new IllegalArgumentException(estimator + ": " + columns[k - 1] + " "
                    + what[k - 1] + " in " + invalid[k] + " of the " + total + " rows. Remove or"
                    + " repair those rows before fit (e.g. Dataset.na().drop(), an Imputer, or a "
                    + "filter), or set handleInvalid to \"skip\" to leave them out.");
              }
            }
          }
          if (invalid[0] == total) {
            throw new IllegalArgumentException(estimator + ": every one of the " + total
                + " rows has an invalid value (" + counts + "); with handleInvalid = skip nothing"
                + " is left to train on.");
          }
          return invalid[0] + " of the " + total + " rows skipped for invalid values "
              + "(handleInvalid = skip; " + counts + ").";
        });
    return header;
  }

  /** "featuresCol 'x' in 3 rows, ..." for the columns with invalid values. */
  private static String invalidCounts(String[] columns, long[] invalid) {
    StringBuilder sb = new StringBuilder();
    for (int k = 1; k <= 3; k++) {
      if (invalid[k] > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(columns[k - 1]).append(" in ")
            .append(invalid[k]).append(invalid[k] == 1 ? " row" : " rows");
      }
    }
    return sb.toString();
  }

  /**
   * Refuses a schema without the columns fit reads, or with a features column that is not a
   * vector, naming the column, its type and the data's columns.
   */
  static void requireColumns(String who, StructType schema, String featuresCol,
      String labelCol, String weightCol) {
    for (String[] c : new String[][] {{"featuresCol", featuresCol}, {"labelCol", labelCol},
        {"weightCol", weightCol}}) {
      if (c[1] != null && !java.util.Arrays.asList(schema.fieldNames()).contains(c[1])) {
        throw new IllegalArgumentException(who + ": " + c[0] + " '" + c[1] + "' is not a column"
            + " of the data; its columns are " + String.join(", ", schema.fieldNames()) + ".");
      }
    }
    requireVectorFeatures(who, schema, featuresCol, -1);
    if (labelCol != null) {
      DataType t = schema.apply(labelCol).dataType();
      if (!(t instanceof NumericType)) {
        throw new IllegalArgumentException(who + ": labelCol '" + labelCol + "' is of type "
            + t.simpleString() + "; it must be numeric (index text labels with StringIndexer).");
      }
    }
  }

  /**
   * Refuses a features column that is not a vector, or (when {@code size} >= 0 and the column's
   * ML attributes tell its length) whose vectors have another length than {@code size}.
   */
  static void requireVectorFeatures(String who, StructType schema, String featuresCol,
      int size) {
    if (!java.util.Arrays.asList(schema.fieldNames()).contains(featuresCol)) {
      throw new IllegalArgumentException(who + ": featuresCol '" + featuresCol + "' is not a "
          + "column of the data; its columns are " + String.join(", ", schema.fieldNames())
          + ".");
    }
    DataType t = schema.apply(featuresCol).dataType();
    if (!(t instanceof VectorUDT)) {
      throw new IllegalArgumentException(who + ": featuresCol '" + featuresCol + "' is of type "
          + t.simpleString() + "; it must be a Vector column (assemble numeric columns into "
          + "one with VectorAssembler).");
    }
    int known = AttributeGroup.fromStructField(schema.apply(featuresCol)).size();
    if (size >= 0 && known >= 0 && known != size) {
      throw new IllegalArgumentException(who + ": featuresCol '" + featuresCol + "' holds "
          + "vectors of length " + known + "; the model was trained on " + size + " features.");
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
