package polynomialnetwork.spark.ml;

import org.apache.spark.ml.linalg.Vector;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/** A trained Weka model's answer for one Spark features vector, as the ML models predict. */
final class WekaPrediction {

  /** What the model is asked of the row: its prediction or its class distribution. */
  interface Question<R> {
    R ask(PolynomialNetwork classifier, Instance row) throws Exception;
  }

  private WekaPrediction() {
  }

  /**
   * The answer for {@code features} as a Weka instance of {@code header} (class missing).
   *
   * @param model the Spark model's name, for the messages
   * @throws IllegalArgumentException when the vector is null or its length is not the model's
   */
  static <R> R of(String model, PolynomialNetwork classifier, Instances header, Vector features,
      Question<R> question) {
    int p = header.numAttributes() - 1;
    if (features == null) {
      throw new IllegalArgumentException(model + ": a row's features vector is null; drop such "
          + "rows (e.g. Dataset.na().drop()) before transform.");
    }
    if (features.size() != p) {
      throw new IllegalArgumentException(model + ": a features vector of length "
          + features.size() + "; the model was trained on " + p + ".");
    }
    double[] values = new double[p + 1];
    for (int j = 0; j < p; j++) {
      values[j] = features.apply(j);
    }
    values[p] = Utils.missingValue();
    DenseInstance row = new DenseInstance(1.0, values);
    row.setDataset(header);
    try {
      // the classifier's converter runs Weka filters, which hold the row they convert
      synchronized (classifier) {
        return question.ask(classifier, row);
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(model + ": " + e.getMessage(), e);
    }
  }
}
