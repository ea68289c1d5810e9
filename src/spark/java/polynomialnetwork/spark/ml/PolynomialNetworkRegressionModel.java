package polynomialnetwork.spark.ml;

import java.io.IOException;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.RegressionModel;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * A trained {@link PolynomialNetworkRegressor}: the Weka model, which predicts each row's
 * features vector ({@code classifyInstance}, as in Weka: clipped around the training range).
 * Saved with its params and the Weka model file ({@code data/model.bin}); a PipelineModel holding
 * it saves and loads.
 */
public final class PolynomialNetworkRegressionModel
    extends RegressionModel<Vector, PolynomialNetworkRegressionModel>
    implements MLWritable, PolynomialNetworkParams {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final NetworkParams params;
  private final PolynomialNetwork classifier;
  private final Instances header;

  PolynomialNetworkRegressionModel(String uid, PolynomialNetwork classifier, Instances header) {
    this(PendingUid.of(uid), classifier, header);
  }

  private PolynomialNetworkRegressionModel(PendingUid pending, PolynomialNetwork classifier,
      Instances header) {
    this.uid = pending.take();
    this.params = new NetworkParams(this);
    params.setDefaults(this);
    this.classifier = classifier;
    this.header = new Instances(header, 0);
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
   * vector, of the length the model was trained on (when the column's ML attributes tell it).
   */
  @Override
  public StructType transformSchema(StructType schema) {
    FeatureRows.requireVectorFeatures("PolynomialNetworkRegressionModel", schema,
        getFeaturesCol(), numFeatures());
    return super.transformSchema(schema);
  }

  /** The trained Weka classifier (do not retrain it). */
  public PolynomialNetwork wekaModel() {
    return classifier;
  }

  /** The Weka header the model was trained with: the features' attributes, then the label. */
  public Instances wekaHeader() {
    return new Instances(header, 0);
  }

  @Override
  public int numFeatures() {
    return header.numAttributes() - 1;
  }

  @Override
  public double predict(Vector features) {
    return WekaPrediction.of("PolynomialNetworkRegressionModel", classifier, header, features,
        PolynomialNetwork::classifyInstance);
  }

  @Override
  public PolynomialNetworkRegressionModel copy(ParamMap extra) {
    PolynomialNetworkRegressionModel copy =
        new PolynomialNetworkRegressionModel(uid, classifier, header);
    return copyValues(copy, extra).setParent(parent());
  }

  /**
   * Writes the Weka model file (the classifier, then the header) that the Weka Explorer opens,
   * to {@code path} on any file system Spark's Hadoop configuration reaches.
   */
  public void writeWekaModel(String path) throws IOException {
    WekaModelFiles.write(SparkSession.active().sparkContext().hadoopConfiguration(), path,
        classifier, header);
  }

  @Override
  public String toString() {
    return "PolynomialNetworkRegressionModel: uid=" + uid + ", numFeatures=" + numFeatures();
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<PolynomialNetworkRegressionModel> read() {
    return new Reader();
  }

  public static PolynomialNetworkRegressionModel load(String path) {
    return read().load(path);
  }

  /** Params as DefaultParamsWriter writes them, the Weka model in data/model.bin. */
  static final class Writer extends MLWriter {
    private final PolynomialNetworkRegressionModel model;

    Writer(PolynomialNetworkRegressionModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      WekaModelFiles.save(model, path, sc(), model.classifier, model.header);
    }
  }

  static final class Reader extends MLReader<PolynomialNetworkRegressionModel> {
    @Override
    public PolynomialNetworkRegressionModel load(String path) {
      WekaModelFiles.Saved saved = WekaModelFiles.load(path, sc(),
          PolynomialNetworkRegressionModel.class);
      PolynomialNetworkRegressionModel model = new PolynomialNetworkRegressionModel(
          saved.metadata.uid(), saved.classifier, saved.header);
      saved.metadata.getAndSetParams(model, Option.empty());
      return model;
    }
  }
}
