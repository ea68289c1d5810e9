/**
 * The thin Weka adapter behind {@code weka.classifiers.functions.PolynomialNetwork}: Weka's
 * instances coded as the engine's rows and back ({@link polynomialnetwork.weka.InstancesConverter},
 * with Weka's own filters for missing values and nominal inputs), the options' text written once
 * ({@link polynomialnetwork.weka.OptionText}), the model text
 * ({@link polynomialnetwork.weka.NetworkReport}), the per-class networks of a nominal class
 * ({@link polynomialnetwork.weka.NominalClassModel}) and the picture of a trained network for the
 * Explorer ({@link polynomialnetwork.weka.NetworkPicture} and its plugin and writer). Uses the
 * engine and Weka; the engine never uses this package.
 */
package polynomialnetwork.weka;
