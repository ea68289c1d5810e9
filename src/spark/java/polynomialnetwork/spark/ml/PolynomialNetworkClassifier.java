package polynomialnetwork.spark.ml;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * A Spark ML classifier training weka.classifiers.functions.PolynomialNetwork on a nominal class:
 * class probabilities σ(f) of one quadratic network f for two classes, the softmax of one
 * network per class for k. Labels are class indices 0 .. k-1 as doubles, as StringIndexer gives
 * them (its label names become the Weka class's values; else "0", "1", ...); k is the label
 * column's number of ML values when it has them, else the largest label + 1. The fit is the Weka
 * classifier's own ({@code buildNominal}) through the same preparation and row blocks as
 * TrainOnSpark; the model's rawPrediction and probability are Weka's class distribution.
 */
public final class PolynomialNetworkClassifier
    extends ProbabilisticClassifier<Vector, PolynomialNetworkClassifier,
        PolynomialNetworkClassificationModel>
    implements DefaultParamsWritable, PolynomialNetworkSetters<PolynomialNetworkClassifier> {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final NetworkParams params;

  public PolynomialNetworkClassifier() {
    this(Identifiable$.MODULE$.randomUID("polynomialNetworkClassifier"));
  }

  public PolynomialNetworkClassifier(String uid) {
    this(PendingUid.of(uid));
  }

  private PolynomialNetworkClassifier(PendingUid pending) {
    this.uid = pending.take();
    this.params = new NetworkParams(this);
    params.setDefaults(this);
  }

  @Override
  public String uid() {
    return uid != null ? uid : PendingUid.current();
  }

  @Override
  public NetworkParams networkParams() {
    return params;
  }

  /**
   * Spark's check of the columns, after a clearer one of the features column: present, a
   * vector.
   */
  @Override
  public StructType transformSchema(StructType schema) {
    FeatureRows.requireVectorFeatures("PolynomialNetworkClassifier", schema, getFeaturesCol(), -1);
    return super.transformSchema(schema);
  }

  /** The Weka classifier these params configure, untrained (its options are the params'). */
  public PolynomialNetwork wekaClassifier() {
    return params.classifier(this);
  }

  @Override
  public PolynomialNetworkClassificationModel train(Dataset<?> dataset) {
    PolynomialNetwork classifier = params.classifier(this);
    List<String> classes = classValues(dataset, getLabelCol());
    Instances header;
    try {
      header = FeatureRows.train("PolynomialNetworkClassifier", dataset, getFeaturesCol(),
          getLabelCol(), params.weightColumn(this), params.skipInvalid(this), classes, classifier);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("PolynomialNetworkClassifier: training failed: " + e, e);
    }
    PolynomialNetworkClassificationModel model =
        new PolynomialNetworkClassificationModel(uid(), classifier, header);
    return copyValues(model, extractParamMap()).setParent(this);
  }

  /**
   * The classes: the label column's nominal ML values (StringIndexer's labels), else "0" ..
   * "k-1" for k the largest label + 1.
   */
  static List<String> classValues(Dataset<?> dataset, String labelCol) {
    List<String> names = new ArrayList<>();
    Attribute a = Attribute.fromStructField(dataset.schema().apply(labelCol));
    if (a instanceof NominalAttribute && ((NominalAttribute) a).values().isDefined()) {
      for (String v : ((NominalAttribute) a).values().get()) {
        names.add(v);
      }
    } else {
      int k;
      if (a instanceof NominalAttribute && ((NominalAttribute) a).numValues().isDefined()) {
        k = (Integer) ((NominalAttribute) a).numValues().get();
      } else {
        Row max = dataset.agg(functions.max(functions.col(labelCol))).head();
        if (max.isNullAt(0) || !(max.getDouble(0) >= 0) || max.getDouble(0) >= 1 << 20) {
          throw new IllegalArgumentException("PolynomialNetworkClassifier: labelCol '"
              + labelCol + "' holds no class index 0, 1, ... (its largest value is "
              + (max.isNullAt(0) ? "null" : max.get(0)) + "). Index the classes with "
              + "StringIndexer.");
        }
        k = (int) Math.floor(max.getDouble(0)) + 1;
      }
      for (int c = 0; c < k; c++) {
        names.add(Integer.toString(c));
      }
    }
    if (names.size() < 2) {
      throw new IllegalArgumentException("PolynomialNetworkClassifier: labelCol '" + labelCol
          + "' has " + names.size() + " class; a classification needs at least two.");
    }
    return names;
  }

  @Override
  public PolynomialNetworkClassifier copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<PolynomialNetworkClassifier> read() {
    return new DefaultParamsReader<>();
  }

  public static PolynomialNetworkClassifier load(String path) {
    return read().load(path);
  }
}
