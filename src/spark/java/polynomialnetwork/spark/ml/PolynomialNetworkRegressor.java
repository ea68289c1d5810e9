package polynomialnetwork.spark.ml;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.Regressor;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * A Spark ML regressor training weka.classifiers.functions.PolynomialNetwork, a quadratic
 * network f(x) = Σ α_j (w_jᵀx)² + βᵀx + c, on a DataFrame: a features vector column, a numeric
 * label column and optionally a weight column. The fit is the Weka classifier's own, with the
 * rows standardized and cached on the executors as TrainOnSpark trains; the model predicts with
 * the Weka model, which {@link PolynomialNetworkRegressionModel#writeWekaModel} writes for the
 * Weka Explorer.
 */
public final class PolynomialNetworkRegressor
    extends Regressor<Vector, PolynomialNetworkRegressor, PolynomialNetworkRegressionModel>
    implements DefaultParamsWritable, PolynomialNetworkSetters<PolynomialNetworkRegressor> {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final NetworkParams params;

  public PolynomialNetworkRegressor() {
    this(Identifiable$.MODULE$.randomUID("polynomialNetworkRegressor"));
  }

  public PolynomialNetworkRegressor(String uid) {
    this(PendingUid.of(uid));
  }

  private PolynomialNetworkRegressor(PendingUid pending) {
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
    FeatureRows.requireVectorFeatures("PolynomialNetworkRegressor", schema, getFeaturesCol(), -1);
    return super.transformSchema(schema);
  }

  /** The Weka classifier these params configure, untrained (its options are the params'). */
  public PolynomialNetwork wekaClassifier() {
    return params.classifier(this);
  }

  @Override
  public PolynomialNetworkRegressionModel train(Dataset<?> dataset) {
    PolynomialNetwork classifier = params.classifier(this);
    Instances header;
    try {
      header = FeatureRows.train("PolynomialNetworkRegressor", dataset, getFeaturesCol(),
          getLabelCol(), params.weightColumn(this), params.skipInvalid(this), null, classifier);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("PolynomialNetworkRegressor: training failed: " + e, e);
    }
    PolynomialNetworkRegressionModel model =
        new PolynomialNetworkRegressionModel(uid, classifier, header);
    return copyValues(model, extractParamMap()).setParent(this);
  }

  @Override
  public PolynomialNetworkRegressor copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<PolynomialNetworkRegressor> read() {
    return new DefaultParamsReader<>();
  }

  public static PolynomialNetworkRegressor load(String path) {
    return read().load(path);
  }
}
