package polynomialnetwork.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The pass that finds a header when the user gives none: a column is numeric when every value
 * it holds is a number (or missing), and nominal otherwise, with the distinct values it holds,
 * sorted (so that the header does not depend on how the rows are partitioned; an ARFF header
 * given with {@code --header} fixes another order). Typed Parquet columns need no pass: numbers
 * are numeric, booleans nominal {false, true}.
 */
final class ColumnKinds implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Most distinct values a nominal column found here may have. */
  static final int MAX_NOMINAL_VALUES = 10_000;
  /**
   * Most distinct number-like texts remembered per column: enough for the numbers of a column
   * that also holds text (a code such as 1, 2, x), small enough that a numeric column's values
   * are not all carried to the driver.
   */
  static final int MAX_NUMBER_TEXTS = 1_000;

  private final boolean[] textual;
  private final TreeSet<String>[] texts;
  private final TreeSet<String>[] numberTexts;
  private final boolean[] overflow;
  long rows;

  @SuppressWarnings("unchecked")
  ColumnKinds(int columns) {
    textual = new boolean[columns];
    texts = new TreeSet[columns];
    numberTexts = new TreeSet[columns];
    overflow = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      texts[c] = new TreeSet<>();
      numberTexts[c] = new TreeSet<>();
    }
  }

  /** Adds a row whose first {@code textual.length} fields are the table's columns. */
  ColumnKinds add(Row row) {
    rows++;
    for (int c = 0; c < textual.length; c++) {
      Object o = row.get(c);
      String s = o == null ? null : o.toString().trim();
      if (s == null || s.isEmpty() || s.equals("?")) {
        continue;
      }
      if (o instanceof Number || isNumber(s)) {
        rememberNumber(c, s);
      } else {
        textual[c] = true;
        if (texts[c].size() <= MAX_NOMINAL_VALUES) {
          texts[c].add(s);
        }
      }
    }
    return this;
  }

  ColumnKinds merge(ColumnKinds other) {
    rows += other.rows;
    for (int c = 0; c < textual.length; c++) {
      textual[c] |= other.textual[c];
      overflow[c] |= other.overflow[c];
      texts[c].addAll(other.texts[c]);
      for (String s : other.numberTexts[c]) {
        rememberNumber(c, s);
      }
    }
    return this;
  }

  /** Keeps number-like text s of column c, up to MAX_NUMBER_TEXTS distinct ones. */
  private void rememberNumber(int c, String s) {
    if (numberTexts[c].size() < MAX_NUMBER_TEXTS) {
      numberTexts[c].add(s);
    } else if (!numberTexts[c].contains(s)) {
      overflow[c] = true;
    }
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The header of {@code table}: typed columns from its schema, text columns from this pass.
   *
   * @param className the class column, or null for the last
   */
  Instances header(InputTable table, String className) {
    StructType schema = table.rows.schema();
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int c = 0; c < table.columns.length; c++) {
      String name = table.columns[c];
      DataType type = schema.apply(name).dataType();
      if (type instanceof NumericType) {
        atts.add(new Attribute(name));
      } else if (type.equals(DataTypes.BooleanType)) {
        ArrayList<String> values = new ArrayList<>();
        values.add("false");
        values.add("true");
        atts.add(new Attribute(name, values));
      } else if (!textual[c]) {
        atts.add(new Attribute(name));
      } else {
        TreeSet<String> values = new TreeSet<>(texts[c]);
        if (overflow[c]) {
          throw new BadInputException("--input " + table.path + ": column '" + name + "' holds"
              + " text (e.g. '" + texts[c].first() + "') and more than " + MAX_NUMBER_TEXTS
              + " different numbers. If it is numeric, correct the text (or write ? for a "
              + "missing value); if it is nominal, list its values in an ARFF header "
              + "(--header).");
        }
        values.addAll(numberTexts[c]);
        if (values.size() > MAX_NOMINAL_VALUES) {
          throw new BadInputException("--input " + table.path + ": column '" + name + "' holds "
              + "more than " + MAX_NOMINAL_VALUES + " different texts (e.g. '"
              + texts[c].first() + "'), too many for a nominal attribute. Drop it, or correct "
              + "it if it should be numeric.");
        }
        atts.add(new Attribute(name, new ArrayList<>(values)));
      }
    }
    Instances header = new Instances("input", atts, 0);
    table.setClass(header, className, "--input " + table.path);
    return header;
  }
}
