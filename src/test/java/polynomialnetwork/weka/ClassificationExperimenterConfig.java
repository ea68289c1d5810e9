package polynomialnetwork.weka;

import java.beans.PropertyDescriptor;
import java.io.File;

import javax.swing.DefaultListModel;

import weka.classifiers.Classifier;
import weka.classifiers.functions.Logistic;
import weka.classifiers.functions.MLPClassifier;
import weka.classifiers.functions.PolynomialNetwork;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.trees.RandomForest;
import weka.core.Utils;
import weka.experiment.ClassifierSplitEvaluator;
import weka.experiment.CrossValidationResultProducer;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import weka.experiment.PropertyNode;

/**
 * Writes the saved Experimenter configuration {@code doc/experimenter/compare-classifiers.xml},
 * the classification sibling of {@link ExperimenterConfig}: PolynomialNetwork (defaults, the
 * baseline) against Logistic (defaults), SMO (PolyKernel -E 2, -M: calibration models, so that
 * the class probabilities and the area under ROC mean something), MLPClassifier (package
 * multiLayerPerceptrons, defaults, as the regression experiment takes MLPRegressor) and
 * RandomForest (defaults), 10 x 10-fold cross-validation on the five ARFF files of
 * test-data/classification/ (relative paths, nominal class last), results to
 * {@code experimenter-results.arff} in the working directory. The split evaluator is the
 * Experimenter's classification one, so the results hold Percent_correct, Area_under_ROC and
 * Weighted_avg_area_under_ROC among others. It loads in the GUI Experimenter (Open...).
 * Regenerate with {@code scripts/experimenter-classification.sh --write-config}.
 */
public final class ClassificationExperimenterConfig {

  /** The data sets, relative to the directory the experiment runs in. */
  static final String[] DATASETS = {"test-data/classification/iris.arff",
    "test-data/classification/credit-g.arff",
    "test-data/classification/planted-binary-quadratic.arff",
    "test-data/classification/planted-binary-boundary.arff",
    "test-data/classification/planted-3class.arff"};

  private ClassificationExperimenterConfig() {
  }

  public static void main(String[] args) throws Exception {
    String file = args.length > 0 ? args[0] : "doc/experimenter/compare-classifiers.xml";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Experiment.write(file, build(runs, DATASETS));
    System.out.println("wrote " + file);
  }

  /** The five schemes, PolynomialNetwork first (the baseline of the t-test). */
  public static Classifier[] schemes() throws Exception {
    SMO smo = new SMO();
    smo.setOptions(Utils.splitOptions("-M"));
    PolyKernel kernel = new PolyKernel();
    kernel.setOptions(Utils.splitOptions("-E 2.0"));
    smo.setKernel(kernel);
    return new Classifier[] {new PolynomialNetwork(), new Logistic(), smo, new MLPClassifier(),
      new RandomForest()};
  }

  /**
   * @param runs number of repetitions of the 10-fold cross-validation
   * @param datasets the ARFF files (class last)
   * @return the experiment
   * @throws Exception if an option is rejected
   */
  public static Experiment build(int runs, String[] datasets) throws Exception {
    Experiment exp = crossValidation(schemes(), runs, datasets,
        new File("experimenter-results.arff"));
    exp.setNotes("polynomialNetwork: PolynomialNetwork (defaults, the baseline) vs Logistic, "
        + "SMO (PolyKernel -E 2, -M calibration models), MLPClassifier (package "
        + "multiLayerPerceptrons) and RandomForest, " + runs + " x 10-fold CV on "
        + "test-data/classification/*.arff. Run it from the directory that holds test-data/ "
        + "(the repository or $WEKA_HOME/packages/polynomialNetwork).");
    return exp;
  }

  /**
   * A classification experiment as the Experimenter's Setup tab makes it: every scheme on every
   * data set, {@code runs} × 10-fold cross-validation, results written as ARFF to
   * {@code results}.
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
    ClassifierSplitEvaluator se = new ClassifierSplitEvaluator();
    // sizing a model serializes it; not needed here and slow for large models
    se.setNoSizeDetermination(true);
    cv.setSplitEvaluator(se);
    exp.setResultProducer(cv);
    PropertyNode[] path = {
      new PropertyNode(se, new PropertyDescriptor("splitEvaluator",
          CrossValidationResultProducer.class), CrossValidationResultProducer.class),
      new PropertyNode(se.getClassifier(), new PropertyDescriptor("classifier",
          ClassifierSplitEvaluator.class), ClassifierSplitEvaluator.class)};
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
