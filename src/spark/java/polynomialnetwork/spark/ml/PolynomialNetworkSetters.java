package polynomialnetwork.spark.ml;

/**
 * The setters of the PolynomialNetwork params, for the estimators: each sets its param (refused
 * at once, naming the param, when the value is invalid) and returns the estimator, so that calls
 * chain as Spark's own setters do.
 *
 * @param <T> the estimator
 */
@SuppressWarnings("unchecked")
public interface PolynomialNetworkSetters<T extends PolynomialNetworkSetters<T>>
    extends PolynomialNetworkParams {

  /** Hidden units per class score; 0 chooses them by held-out error. */
  default T setRank(int value) {
    return (T) set(rank(), value);
  }

  /** EP-ROM, AP-ROM-BK or AP-ROM-MBK. */
  default T setSolver(String value) {
    return (T) set(solver(), value);
  }

  default T setStepRule(String value) {
    return (T) set(stepRule(), value);
  }

  default T setMaxIter(int value) {
    return (T) set(maxIter(), value);
  }

  default T setTol(double value) {
    return (T) set(tol(), value);
  }

  default T setRidge(double value) {
    return (T) set(ridge(), value);
  }

  default T setSeed(int value) {
    return (T) set(seed(), value);
  }

  default T setValidationFraction(double value) {
    return (T) set(validationFraction(), value);
  }

  default T setValidationRuns(int value) {
    return (T) set(validationRuns(), value);
  }

  /** Further Weka options; those of the typed params are refused here. */
  default T setWekaOptions(String value) {
    return (T) set(wekaOptions(), value);
  }

  /** The instance weight column; empty for weight 1. */
  default T setWeightCol(String value) {
    return (T) set(weightCol(), value);
  }

  /** "error" (default) or "skip": see the param's doc. */
  default T setHandleInvalid(String value) {
    return (T) set(handleInvalid(), value);
  }
}
