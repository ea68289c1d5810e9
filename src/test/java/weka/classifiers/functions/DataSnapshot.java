package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A deep, independent record of a data set or one instance — header (relation, class index,
 * every attribute's name, type, weight, values, date format, relational header), and per
 * instance its weight and the exact bits of every value (NaN payload included) plus its text
 * (string and relational values) — to prove that training or prediction left it unchanged.
 */
final class DataSnapshot {

  private final List<String> header = new ArrayList<String>();
  private final List<long[]> bits = new ArrayList<long[]>();
  private final List<Long> weights = new ArrayList<Long>();
  private final List<String> texts = new ArrayList<String>();
  private final Instances dataset;

  private DataSnapshot(Instances dataset) {
    this.dataset = dataset;
  }

  static DataSnapshot of(Instances data) {
    DataSnapshot s = new DataSnapshot(null);
    s.header.add("relation " + data.relationName());
    s.header.add("class " + data.classIndex());
    s.header.add("attributes " + data.numAttributes());
    for (int a = 0; a < data.numAttributes(); a++) {
      s.describe(data.attribute(a));
    }
    s.header.add("instances " + data.numInstances());
    for (int i = 0; i < data.numInstances(); i++) {
      s.record(data.instance(i));
    }
    return s;
  }

  static DataSnapshot of(Instance instance) {
    DataSnapshot s = new DataSnapshot(instance.dataset());
    s.header.add("attributes " + instance.numAttributes());
    s.header.add("class " + (instance.dataset() == null ? "none" : "" + instance.classIndex()));
    s.record(instance);
    return s;
  }

  private void describe(Attribute att) {
    StringBuilder sb = new StringBuilder();
    sb.append(att.index()).append(' ').append(att.name()).append(' ')
      .append(Attribute.typeToString(att)).append(" w=").append(Double.doubleToLongBits(
        att.weight())).append(' ').append(att.toString());
    if (att.isNominal() || att.isString()) {
      sb.append(" values=").append(att.numValues());
      for (int v = 0; v < att.numValues(); v++) {
        sb.append('|').append(att.value(v));
      }
    }
    if (att.isDate()) {
      sb.append(" format=").append(att.getDateFormat());
    }
    if (att.isRelationValued()) {
      sb.append(" relation=").append(att.relation().toString());
      for (int r = 0; r < att.numValues(); r++) {
        sb.append("|rel").append(r).append('=').append(att.relation(r));
      }
    }
    header.add(sb.toString());
  }

  private void record(Instance inst) {
    long[] b = new long[inst.numAttributes()];
    for (int a = 0; a < b.length; a++) {
      b[a] = Double.doubleToRawLongBits(inst.value(a));
    }
    bits.add(b);
    weights.add(Double.doubleToRawLongBits(inst.weight()));
    texts.add(text(inst));
  }

  /** The instance as Weka prints it, or a note when an API-set value cannot be printed. */
  private static String text(Instance inst) {
    try {
      return inst.toString();
    } catch (IndexOutOfBoundsException e) { // a nominal index outside the attribute's values
      return "(not printable: " + e.getMessage() + ")";
    }
  }

  /** Asserts that {@code data} is exactly as it was when the snapshot was taken. */
  void assertUnchanged(Instances data, String what) {
    DataSnapshot now = of(data);
    assertEquals(String.join("\n", header), String.join("\n", now.header),
      what + ": header changed");
    compareRows(now, what);
  }

  /** Asserts that {@code instance} is exactly as it was, still attached to the same dataset. */
  void assertUnchanged(Instance instance, String what) {
    DataSnapshot now = of(instance);
    assertSame(dataset, instance.dataset(), what + ": instance moved to another dataset");
    assertEquals(header, now.header, what + ": instance shape changed");
    compareRows(now, what);
  }

  private void compareRows(DataSnapshot now, String what) {
    assertEquals(bits.size(), now.bits.size(), what + ": number of instances changed");
    for (int i = 0; i < bits.size(); i++) {
      long[] a = bits.get(i);
      long[] b = now.bits.get(i);
      for (int k = 0; k < a.length; k++) {
        assertEquals(a[k], b[k], what + ": value " + k + " of instance " + (i + 1)
          + " changed from " + Double.longBitsToDouble(a[k]) + " to "
          + Double.longBitsToDouble(b[k]));
      }
      assertEquals(weights.get(i), now.weights.get(i), what + ": weight of instance " + (i + 1)
        + " changed");
      assertEquals(texts.get(i), now.texts.get(i), what + ": instance " + (i + 1) + " changed");
    }
  }
}
