package polynomialnetwork.spark.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The params every PolynomialNetwork estimator and model has (the Weka classifier's options,
 * with its defaults; see the params' docs), and their getters.
 */
public interface PolynomialNetworkParams extends Params {

  /**
   * The param objects of this estimator or model, made with its uid (one holder per instance);
   * the accessors below return them, so that Spark finds them as it finds any param: public
   * methods without arguments that return a Param.
   */
  NetworkParams networkParams();

  default IntParam rank() {
    return networkParams().rank;
  }

  default Param<String> solver() {
    return networkParams().solver;
  }

  default Param<String> stepRule() {
    return networkParams().stepRule;
  }

  default IntParam maxIter() {
    return networkParams().maxIter;
  }

  default DoubleParam tol() {
    return networkParams().tol;
  }

  default DoubleParam ridge() {
    return networkParams().ridge;
  }

  default IntParam seed() {
    return networkParams().seed;
  }

  default DoubleParam validationFraction() {
    return networkParams().validationFraction;
  }

  default IntParam validationRuns() {
    return networkParams().validationRuns;
  }

  default Param<String> wekaOptions() {
    return networkParams().wekaOptions;
  }

  default Param<String> weightCol() {
    return networkParams().weightCol;
  }

  default Param<String> handleInvalid() {
    return networkParams().handleInvalid;
  }

  default int getRank() {
    return (Integer) getOrDefault(rank());
  }

  default String getSolver() {
    return getOrDefault(solver());
  }

  default String getStepRule() {
    return getOrDefault(stepRule());
  }

  default int getMaxIter() {
    return (Integer) getOrDefault(maxIter());
  }

  default double getTol() {
    return (Double) getOrDefault(tol());
  }

  default double getRidge() {
    return (Double) getOrDefault(ridge());
  }

  default int getSeed() {
    return (Integer) getOrDefault(seed());
  }

  default double getValidationFraction() {
    return (Double) getOrDefault(validationFraction());
  }

  default int getValidationRuns() {
    return (Integer) getOrDefault(validationRuns());
  }

  default String getWekaOptions() {
    return getOrDefault(wekaOptions());
  }

  default String getWeightCol() {
    return getOrDefault(weightCol());
  }

  default String getHandleInvalid() {
    return getOrDefault(handleInvalid());
  }
}
