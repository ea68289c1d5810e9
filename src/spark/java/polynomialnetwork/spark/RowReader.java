package polynomialnetwork.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Reads one row of the table (its columns in the order of the header's attributes, then the
 * file name, as {@link InputTable#selection} selects them) into Weka's coding: a number for a
 * numeric attribute, the value's index for a nominal one, NaN for missing (null, empty or "?",
 * as in Weka's CSV loader; a typed NaN is missing also for a nominal attribute). A value that
 * does not fit the header is not an exception in a Spark task (which Spark would retry and
 * wrap): {@link #read} says what is wrong as a message, which the summary pass carries to the
 * driver.
 */
final class RowReader implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Instances header;
  private final String inputPath;
  /** The weight column's name, null when every row weighs 1. */
  private final String weightColumn;
  /** The header row's number of columns for CSV input, 0 otherwise. */
  private final int csvFields;
  /** Whether each row carries a validity mask last. */
  private final boolean validityColumn;
  private transient Map<String, Integer>[] nominalIndex;

  RowReader(Instances header, String inputPath) {
    this(header, inputPath, null);
  }

  /**
   * @param weightColumn the name of the column of instance weights, read after the file name
   *     (as {@link InputTable#selection} selects it), or null when every row weighs 1
   */
  RowReader(Instances header, String inputPath, String weightColumn) {
    this(header, inputPath, weightColumn, 0);
  }

  /**
   * @param csvFields for CSV input, the number of columns of its header row, whose rows carry
   *     the text of a row with another number of fields last ({@link InputTable#selection});
   *     0 for input without that column
   */
  RowReader(Instances header, String inputPath, String weightColumn, int csvFields) {
    this(header, inputPath, weightColumn, csvFields, false);
  }

  /**
   * @param validityColumn whether each row carries, last, a mask of what is invalid in it (see
   *     {@link #invalidMask}), computed where the rows were made
   */
  RowReader(Instances header, String inputPath, String weightColumn, int csvFields,
      boolean validityColumn) {
    this.header = new Instances(header, 0);
    this.inputPath = inputPath;
    this.weightColumn = weightColumn;
    this.csvFields = csvFields;
    this.validityColumn = validityColumn;
  }

  /** Bits of {@link #invalidMask}: an invalid input value, class value or weight. */
  static final int INVALID_INPUT = 1;
  static final int INVALID_CLASS = 2;
  static final int INVALID_WEIGHT = 4;

  /**
   * What is invalid in a row of typed rows that carry a validity mask last (a Spark ML
   * DataFrame's: a null or non-finite feature, label or weight), as bits {@link #INVALID_INPUT},
   * {@link #INVALID_CLASS}, {@link #INVALID_WEIGHT}; 0 for a valid row or rows without a mask.
   */
  int invalidMask(Row row) {
    if (!validityColumn) {
      return 0;
    }
    Object o = row.get(row.length() - 1);
    return o == null ? 0 : ((Number) o).intValue();
  }

  /**
   * What is wrong with a CSV row that has more or fewer fields than the header row (naming file,
   * the row's text and both counts), or null when it has as many (or the input is not CSV).
   * Spark would read such a row with its missing columns null, i.e. missing values, or drop its
   * extra fields, and train on a row the user did not write.
   */
  String malformed(Row row) {
    if (csvFields == 0) {
      return null;
    }
    Object text = row.get(row.length() - 1);
    if (text == null) {
      return null;
    }
    String line = text.toString();
    return "--input " + inputPath + fileOf(row) + ": a row has " + fieldsOf(line) + " fields "
        + "where the header row has " + csvFields + " columns: '" + (line.length() > 200
            ? line.substring(0, 200) + "..." : line) + "'. Correct or remove the row, or give "
        + "--skip-malformed to leave out such rows (they are counted in the output and the "
        + "model).";
  }

  /** Fields of a CSV line: commas outside double quotes, plus one. */
  static int fieldsOf(String line) {
    int fields = 1;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields++;
      }
    }
    return fields;
  }

  /**
   * The instance weight of {@code row}: 1 without a weight column, else the column's number, NaN
   * when it is not a number (missing, text) and as read otherwise (see {@link #weightProblem}).
   */
  double weight(Row row) {
    if (weightColumn == null) {
      return 1.0;
    }
    Object o = row.get(header.numAttributes() + 1);
    if (o instanceof Number) {
      return ((Number) o).doubleValue();
    }
    String text = o == null ? "" : o.toString().trim();
    try {
      return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * What is wrong with the weight of {@code row}, naming file, row, column and value, or null
   * when it is a usable weight: a finite number &gt;= 0, as Weka's instance weights (a missing
   * weight is an error: no default would be right).
   */
  String weightProblem(Row row) {
    if (weightColumn == null) {
      return null;
    }
    double w = weight(row);
    if (w >= 0 && !Double.isInfinite(w)) {
      return null;
    }
    Object o = row.get(header.numAttributes() + 1);
    String text = o == null ? "" : o.toString().trim();
    String what;
    if (text.isEmpty() || text.equals("?")) {
      what = "has no value (" + (o == null ? "null" : "'" + text + "'") + "); every row needs"
          + " a weight";
    } else if (!(o instanceof Number) && Double.isNaN(w)
        && !text.equalsIgnoreCase("NaN")) {
      what = "holds '" + text + "', which is not a number";
    } else {
      what = "is " + (o instanceof Number ? String.valueOf(w) : text);
    }
    return where(row) + "the weight column '" + weightColumn + "' " + what + ". Weights must "
        + "be finite numbers >= 0 (0 leaves the row out of training): correct the value or "
        + "remove the row.";
  }

  Instances header() {
    return header;
  }

  /**
   * Fills {@code values} (one per attribute) from {@code row}.
   *
   * @return null when the row fits the header, else what is wrong with it, naming file, column
   *     and value
   */
  String read(Row row, double[] values) {
    if (nominalIndex == null) {
      nominalIndex = indexNominalValues(header);
    }
    for (int a = 0; a < values.length; a++) {
      Object o = row.get(a);
      Attribute att = header.attribute(a);
      if (o instanceof Number && att.isNumeric()) {
        // a typed (Parquet) number: no text to parse
        double v = ((Number) o).doubleValue();
        if (Double.isInfinite(v)) {
          return where(row) + "column '" + att.name() + "' is " + v + "; infinite values "
              + "cannot be used. Replace them (e.g. by null) or remove the row.";
        }
        values[a] = v; // NaN is Weka's missing value
        continue;
      }
      String text = o == null ? null : o.toString().trim();
      if (text == null || text.isEmpty() || text.equals("?")
          || (o instanceof Number && Double.isNaN(((Number) o).doubleValue()))) {
        values[a] = Utils.missingValue();
      } else if (att.isNumeric()) {
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return where(row) + "column '" + att.name() + "' holds '" + text + "', which is not a"
              + " number, but the header makes '" + att.name() + "' numeric. Correct the value"
              + " (or write ? for a missing one), or declare the attribute nominal.";
        }
        if (Double.isInfinite(v)) {
          return where(row) + "column '" + att.name() + "' is " + text + "; infinite values "
              + "cannot be used. Replace them (e.g. by a missing value '?') or remove the row.";
        }
        values[a] = v;
      } else {
        Integer index = nominalIndex[a].get(text);
        if (index == null && a == header.classIndex()) {
          return where(row) + "the class column '" + att.name() + "' holds '" + text + "', "
              + "which is not one of the classes the header lists for it " + valueList(att)
              + ". Add it to the header's @attribute line for '" + att.name() + "', correct "
              + "the value, or write ? to leave the row out of training.";
        }
        if (index == null) {
          return where(row) + "column '" + att.name() + "' holds '" + text + "', which is not "
              + "one of the values the header lists for it " + valueList(att) + ". Add it to "
              + "the header's @attribute line, or correct the value.";
        }
        values[a] = index;
      }
    }
    return null;
  }

  private String where(Row row) {
    return "--input " + inputPath + fileOf(row) + ", row " + rowText(row) + ": ";
  }

  private String fileOf(Row row) {
    Object file = row.get(header.numAttributes());
    return file == null || file.toString().isEmpty() ? "" : " (file " + file + ")";
  }

  private String rowText(Row row) {
    StringBuilder sb = new StringBuilder("[");
    for (int a = 0; a < header.numAttributes(); a++) {
      sb.append(a == 0 ? "" : ", ").append(row.get(a));
      if (sb.length() > 200) {
        sb.append(", ...");
        break;
      }
    }
    return sb.append(']').toString();
  }

  private static String valueList(Attribute att) {
    StringBuilder sb = new StringBuilder("{");
    for (int v = 0; v < att.numValues() && v < 20; v++) {
      sb.append(v == 0 ? "" : ",").append(att.value(v));
    }
    return sb.append(att.numValues() > 20 ? ",...}" : "}").toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer>[] indexNominalValues(Instances header) {
    Map<String, Integer>[] index = new Map[header.numAttributes()];
    for (int a = 0; a < index.length; a++) {
      Attribute att = header.attribute(a);
      if (att.isNominal()) {
        index[a] = new HashMap<>();
        for (int v = 0; v < att.numValues(); v++) {
          index[a].put(att.value(v), v);
        }
      }
    }
    return index;
  }
}
