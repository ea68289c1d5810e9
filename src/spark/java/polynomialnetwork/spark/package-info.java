/**
 * Training on Apache Spark (only in the -spark jar): {@link polynomialnetwork.spark.TrainOnSpark}
 * for spark-submit, the CSV/Parquet input and its Weka header, the one read of the input into
 * cached parsed rows and the preparation from them (missing values, standardization, weights)
 * that Weka's classifier would make, and {@code SparkRowBlocks}, the engine's data seam on cached
 * partitions, so that the fit is the Weka classifier's own. Uses the engine, the Weka adapter and
 * Spark; nothing else uses this package but {@code polynomialnetwork.spark.ml}.
 */
package polynomialnetwork.spark;
