package polynomialnetwork.weka;

import polynomialnetwork.engine.data.DesignMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The training rows are coded row by row (indicator coding streamed, or skipped when there is no
 * nominal input); a new instance goes through the fitted filters one at a time. Both routes must
 * give the same standardized columns, bit for bit, or the model would be trained on one
 * representation and applied to another.
 */
class InstancesConverterTest {

  /** numeric, nominal (3 and 2 values), missing values, the class in the middle, weights. */
  private static Instances data(boolean withNominal, long seed) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("u"));
    if (withNominal) {
      attributes.add(new Attribute("colour", Arrays.asList("red", "green", "blue")));
    }
    attributes.add(new Attribute("y"));
    if (withNominal) {
      attributes.add(new Attribute("flag", Arrays.asList("no", "yes")));
    }
    attributes.add(new Attribute("v"));
    Instances d = new Instances("converter", attributes, 0);
    d.setClassIndex(d.attribute("y").index());
    Random rng = new Random(seed);
    for (int i = 0; i < 57; i++) {
      double[] values = new double[d.numAttributes()];
      for (int a = 0; a < values.length; a++) {
        Attribute att = d.attribute(a);
        values[a] = att.isNominal() ? rng.nextInt(att.numValues()) : 3 + 2 * rng.nextGaussian();
        if (a != d.classIndex() && rng.nextDouble() < 0.1) {
          values[a] = Utils.missingValue();
        }
      }
      d.add(new DenseInstance(0.5 + rng.nextDouble(), values));
    }
    d.instance(4).setClassMissing(); // dropped from training
    return d;
  }

  @Test
  void trainingRowsEqualTheCodingOfNewInstances() throws Exception {
    for (boolean withNominal : new boolean[] {false, true}) {
      Instances d = data(withNominal, withNominal ? 11 : 12);
      String before = d.toString();
      InstancesConverter.Prepared prepared = InstancesConverter.fit(d);
      DesignMatrix x = prepared.matrix;
      assertEquals(withNominal ? 2 + 3 + 1 : 2, x.cols(), "columns after indicator coding");
      assertEquals(d.numInstances() - 1, x.rows(), "the row with a missing class is dropped");
      List<Instance> kept = new ArrayList<>();
      for (Instance inst : d) {
        if (!inst.classIsMissing()) {
          kept.add(inst);
        }
      }
      for (int i = 0; i < kept.size(); i++) {
        assertArrayEquals(prepared.converter.standardizedFeatures(kept.get(i)), x.row(i), 0.0,
            "row " + i + (withNominal ? " with" : " without") + " nominal attributes");
        assertEquals(kept.get(i).weight(), x.weight(i), 0.0);
      }
      assertEquals(before, d.toString(), "the user's data is not modified");
    }
  }

  /**
   * The row-by-row coding gives, bit for bit, the matrix of the batch route it replaced (both
   * filters through Filter.useFilter, then extraction and standardization), for dense and sparse
   * instances, a one-valued nominal attribute, missing values and the class in the middle; and a
   * new instance with every value missing gets the very means and modes the batch filter fitted.
   */
  @Test
  void rowByRowCodingEqualsTheBatchFilters() throws Exception {
    for (boolean sparse : new boolean[] {false, true}) {
      Instances d = data(true, 21);
      d.insertAttributeAt(new Attribute("single", Arrays.asList("only")), 0);
      Random rng = new Random(22);
      for (int i = 0; i < d.numInstances(); i++) {
        d.instance(i).setValue(0, rng.nextDouble() < 0.2 ? Utils.missingValue() : 0);
      }
      if (sparse) {
        Instances s = new Instances(d, d.numInstances());
        for (Instance inst : d) {
          s.add(new weka.core.SparseInstance(inst));
        }
        d = s;
      }
      InstancesConverter.Prepared prepared = InstancesConverter.fit(d);
      DesignMatrix x = prepared.matrix;

      Instances copy = new Instances(d);
      copy.deleteWithMissingClass();
      weka.filters.unsupervised.attribute.ReplaceMissingValues rmv =
          new weka.filters.unsupervised.attribute.ReplaceMissingValues();
      rmv.setInputFormat(copy);
      Instances filled = weka.filters.Filter.useFilter(copy, rmv);
      weka.filters.unsupervised.attribute.NominalToBinary n2b =
          new weka.filters.unsupervised.attribute.NominalToBinary();
      n2b.setInputFormat(filled);
      Instances coded = weka.filters.Filter.useFilter(filled, n2b);
      int p = coded.numAttributes() - 1;
      assertEquals(p, x.cols());
      polynomialnetwork.engine.Standardization.Accumulator acc =
          new polynomialnetwork.engine.Standardization.Accumulator(p);
      double[][] rows = new double[coded.numInstances()][p];
      for (int i = 0; i < rows.length; i++) {
        Instance inst = coded.instance(i);
        for (int a = 0, j = 0; a < coded.numAttributes(); a++) {
          if (a != coded.classIndex()) {
            rows[i][j++] = inst.value(a);
          }
        }
        acc.add(rows[i], inst.classValue(), inst.weight());
      }
      polynomialnetwork.engine.Standardization std = acc.build();
      for (int i = 0; i < rows.length; i++) {
        assertArrayEquals(std.standardize(rows[i], new double[p]), x.row(i), 0.0,
            (sparse ? "sparse" : "dense") + " row " + i);
        assertEquals(std.standardizeTarget(coded.instance(i).classValue()), x.target()[i], 0.0);
      }
      Instance allMissing = new DenseInstance(d.numAttributes());
      allMissing.setDataset(d);
      rmv.input(allMissing);
      n2b.input(rmv.output());
      double[] expected = new double[p];
      Instance batch = n2b.output();
      for (int a = 0, j = 0; a < coded.numAttributes(); a++) {
        if (a != coded.classIndex()) {
          expected[j++] = batch.value(a);
        }
      }
      assertArrayEquals(expected, prepared.converter.codedFeatures(allMissing), 0.0,
          "means and modes of the " + (sparse ? "sparse" : "dense") + " rows");
    }
  }
}
