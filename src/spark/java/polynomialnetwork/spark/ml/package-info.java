/**
 * The Spark ML estimators and models ({@code PolynomialNetworkRegressor} →
 * {@code PolynomialNetworkRegressionModel}, {@code PolynomialNetworkClassifier} →
 * {@code PolynomialNetworkClassificationModel}): the Weka classifier's options as typed params
 * with its defaults, DataFrame rows (features vector, label, weight) trained through the same
 * preparation and data seam as {@code TrainOnSpark}, predictions and persistence through the
 * Weka model. Uses {@code polynomialnetwork.spark}, the Weka adapter and the engine's settings.
 */
package polynomialnetwork.spark.ml;
