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

  IntParam rank();

  Param<String> solver();

  Param<String> stepRule();

  IntParam maxIter();

  DoubleParam tol();

  DoubleParam ridge();

  IntParam seed();

  DoubleParam validationFraction();

  IntParam validationRuns();

  Param<String> wekaOptions();

  Param<String> weightCol();

  Param<String> handleInvalid();

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
