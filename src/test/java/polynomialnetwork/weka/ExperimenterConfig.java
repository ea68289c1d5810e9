package polynomialnetwork.weka;

import java.beans.PropertyDescriptor;
import java.io.File;

import javax.swing.DefaultListModel;

import weka.classifiers.Classifier;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.MLPRegressor;
import weka.classifiers.functions.PolynomialNetwork;
import weka.classifiers.functions.SMOreg;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.trees.M5P;
import weka.core.Utils;
import weka.experiment.CrossValidationResultProducer;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import weka.experiment.PropertyNode;
import weka.experiment.RegressionSplitEvaluator;

/**
 * Writes the saved Experimenter configuration {@code doc/experimenter/compare-regressors.xml}:
 * PolynomialNetwork (defaults) against LinearRegression, SMOreg (PolyKernel -E 2 -L), M5P and
 * MLPRegressor (defaults), 10 x 10-fold cross-validation on the four ARFF files of test-data/
 * (relative paths), results to {@code experimenter-results.arff} in the working directory. It is
 * what the GUI Experimenter's Setup panel would save for this set-up, and loads there (Open...).
 * Regenerate with {@code scripts/experimenter.sh --write-config}.
 */
public final class ExperimenterConfig {

  /** The data sets, relative to the directory the experiment runs in. */
  static final String[] DATASETS = {"test-data/cpu.arff", "test-data/cpu.with.vendor.arff",
    "test-data/planted-p20-r3-train.arff", "test-data/planted-p20-r3-test.arff"};

  public static void main(String[] args) throws Exception {
    String file = args.length > 0 ? args[0] : "doc/experimenter/compare-regressors.xml";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Experiment.write(file, build(runs));
    System.out.println("wrote " + file);
  }

  /**
   * @param runs number of repetitions of the 10-fold cross-validation
   * @return the experiment
   * @throws Exception if an option is rejected
   */
  public static Experiment build(int runs) throws Exception {
    SMOreg smo = new SMOreg();
    PolyKernel kernel = new PolyKernel();
    kernel.setOptions(Utils.splitOptions("-E 2.0 -L"));
    smo.setKernel(kernel);
    Classifier[] schemes = {new PolynomialNetwork(), new LinearRegression(), smo, new M5P(),
      new MLPRegressor()};

    Experiment exp = crossValidation(schemes, runs, DATASETS,
        new File("experimenter-results.arff"));
    exp.setNotes("polynomialNetwork: PolynomialNetwork (defaults, the baseline) vs LinearRegression, "
        + "SMOreg (PolyKernel -E 2 -L), M5P and MLPRegressor (package multiLayerPerceptrons), "
        + runs + " x 10-fold CV on test-data/*.arff. Run it from the directory that holds "
        + "test-data/ (the repository or $WEKA_HOME/packages/polynomialNetwork).");
    return exp;
  }

  /**
   * A regression experiment as the Experimenter's Setup tab makes it: every scheme on every data
   * set, {@code runs} × 10-fold cross-validation, results written as ARFF to {@code results}.
   *
   * @throws Exception if the classifier property cannot be introspected
   */
  public static Experiment crossValidation(Classifier[] schemes, int runs, String[] datasets,
      File results) throws Exception {
    Experiment exp = new Experiment();
    exp.setRunLower(1);
    exp.setRunUpper(runs);
    CrossValidationResultProducer cv = new CrossValidationResultProducer();
    cv.setNumFolds(10);
    RegressionSplitEvaluator se = new RegressionSplitEvaluator();
    // sizing a model serializes it; not needed here and slow for large models
    se.setNoSizeDetermination(true);
    cv.setSplitEvaluator(se);
    exp.setResultProducer(cv);
    PropertyNode[] path = {
      new PropertyNode(se, new PropertyDescriptor("splitEvaluator",
          CrossValidationResultProducer.class), CrossValidationResultProducer.class),
      new PropertyNode(se.getClassifier(), new PropertyDescriptor("classifier",
          RegressionSplitEvaluator.class), RegressionSplitEvaluator.class)};
    exp.setPropertyPath(path);
    exp.setPropertyArray(schemes);
    exp.setUsePropertyIterator(true);
    DefaultListModel<File> data = new DefaultListModel<>();
    for (String d : datasets) {
      data.addElement(new File(d));
    }
    exp.setDatasets(data);
    InstancesResultListener listener = new InstancesResultListener();
    listener.setOutputFile(results);
    exp.setResultListener(listener);
    return exp;
  }
}
