package polynomialnetwork.spark.ml;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
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
    implements DefaultParamsWritable, PolynomialNetworkParams {

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
  public IntParam rank() {
    return params.rank;
  }

  @Override
  public Param<String> solver() {
    return params.solver;
  }

  @Override
  public Param<String> stepRule() {
    return params.stepRule;
  }

  @Override
  public IntParam maxIter() {
    return params.maxIter;
  }

  @Override
  public DoubleParam tol() {
    return params.tol;
  }

  @Override
  public DoubleParam ridge() {
    return params.ridge;
  }

  @Override
  public IntParam seed() {
    return params.seed;
  }

  @Override
  public DoubleParam validationFraction() {
    return params.validationFraction;
  }

  @Override
  public IntParam validationRuns() {
    return params.validationRuns;
  }

  @Override
  public Param<String> wekaOptions() {
    return params.wekaOptions;
  }

  @Override
  public Param<String> weightCol() {
    return params.weightCol;
  }

  @Override
  public Param<String> handleInvalid() {
    return params.handleInvalid;
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













  public PolynomialNetworkRegressor setRank(int v) {
    return (PolynomialNetworkRegressor) set(params.rank, v);
  }

  public PolynomialNetworkRegressor setSolver(String v) {
    return (PolynomialNetworkRegressor) set(params.solver, v);
  }

  public PolynomialNetworkRegressor setStepRule(String v) {
    return (PolynomialNetworkRegressor) set(params.stepRule, v);
  }

  public PolynomialNetworkRegressor setMaxIter(int v) {
    return (PolynomialNetworkRegressor) set(params.maxIter, v);
  }

  public PolynomialNetworkRegressor setTol(double v) {
    return (PolynomialNetworkRegressor) set(params.tol, v);
  }

  public PolynomialNetworkRegressor setRidge(double v) {
    return (PolynomialNetworkRegressor) set(params.ridge, v);
  }

  public PolynomialNetworkRegressor setSeed(int v) {
    return (PolynomialNetworkRegressor) set(params.seed, v);
  }

  public PolynomialNetworkRegressor setValidationFraction(double v) {
    return (PolynomialNetworkRegressor) set(params.validationFraction, v);
  }

  public PolynomialNetworkRegressor setValidationRuns(int v) {
    return (PolynomialNetworkRegressor) set(params.validationRuns, v);
  }

  public PolynomialNetworkRegressor setWekaOptions(String v) {
    return (PolynomialNetworkRegressor) set(params.wekaOptions, v);
  }

  public PolynomialNetworkRegressor setWeightCol(String v) {
    return (PolynomialNetworkRegressor) set(params.weightCol, v);
  }

  /** "error" (default) or "skip": see the param's doc. */
  public PolynomialNetworkRegressor setHandleInvalid(String v) {
    return (PolynomialNetworkRegressor) set(params.handleInvalid, v);
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
