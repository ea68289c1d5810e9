package polynomialnetwork.bench.peers;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import polynomialnetwork.weka.ExperimenterConfig;
import weka.classifiers.Classifier;
import weka.classifiers.functions.GaussianProcesses;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.MLPRegressor;
import weka.classifiers.functions.PolynomialNetwork;
import weka.classifiers.functions.SMOreg;
import weka.classifiers.functions.activation.Quadratic;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.core.Utils;
import weka.experiment.Experiment;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.ResultMatrixPlainText;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The real-data comparison: 10 × 10-fold cross-validation on test-data/cpu.arff and
 * cpu.with.vendor.arff, then Weka's corrected resampled t-test (PairedCorrectedTTester, 5 %) on
 * RRSE against PolynomialNetwork with its defaults as the baseline. Run with
 * {@code scripts/real-data-experiment.sh}.
 */
public final class RealDataExperiment {

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<Classifier> schemes = new ArrayList<>();
    schemes.add(new PolynomialNetwork());
    PolynomialNetwork auto = new PolynomialNetwork();
    auto.setOptions(Utils.splitOptions("-N 0"));
    schemes.add(auto);
    LinearRegression lr = new LinearRegression();
    lr.setOptions(Utils.splitOptions("-S 1 -R 1.0E-8"));
    schemes.add(lr);
    SMOreg smo = new SMOreg();
    PolyKernel k = new PolyKernel();
    k.setOptions(Utils.splitOptions("-E 2.0 -L"));
    smo.setKernel(k);
    schemes.add(smo);
    GaussianProcesses gp = new GaussianProcesses();
    PolyKernel k2 = new PolyKernel();
    k2.setOptions(Utils.splitOptions("-E 2.0 -L"));
    gp.setKernel(k2);
    schemes.add(gp);
    for (int n = 1; n <= 5; n++) {
      MLPRegressor mlp = new MLPRegressor();
      mlp.setNumFunctions(n);
      mlp.setActivationFunction(new Quadratic());
      mlp.setSeed(1);
      schemes.add(mlp);
    }

    File out = new File("target/real-data-experiment.arff");
    Experiment exp = ExperimenterConfig.crossValidation(schemes.toArray(new Classifier[0]), runs,
        new String[] {"test-data/cpu.arff", "test-data/cpu.with.vendor.arff"}, out);
    long t0 = System.nanoTime();
    exp.initialize();
    exp.runExperiment();
    exp.postProcess();
    System.out.printf("experiment: %d schemes x 2 datasets x %d x 10-fold CV in %.0f s%n%n",
        schemes.size(), runs, (System.nanoTime() - t0) / 1e9);

    Instances results = DataSource.read(out.getPath());
    for (String measure : new String[] {"Root_relative_squared_error",
        "Root_mean_squared_error"}) {
      PairedCorrectedTTester tt = new PairedCorrectedTTester();
      tt.setInstances(results);
      tt.setSignificanceLevel(0.05);
      tt.setRunColumn(results.attribute("Key_Run").index());
      tt.setFoldColumn(results.attribute("Key_Fold").index());
      tt.setDatasetKeyColumns(new weka.core.Range(""
          + (results.attribute("Key_Dataset").index() + 1)));
      tt.setResultsetKeyColumns(new weka.core.Range((results.attribute("Key_Scheme").index() + 1)
          + "," + (results.attribute("Key_Scheme_options").index() + 1) + ","
          + (results.attribute("Key_Scheme_version_ID").index() + 1)));
      ResultMatrixPlainText matrix = new ResultMatrixPlainText();
      matrix.setMeanPrec(2);
      matrix.setStdDevPrec(2);
      matrix.setShowStdDev(true);
      matrix.setPrintColNames(true);
      matrix.setPrintRowNames(true);
      tt.setResultMatrix(matrix);
      tt.setShowStdDevs(true);
      int col = results.attribute(measure).index();
      System.out.println("=== " + measure + " (baseline: column 1, PolynomialNetwork defaults;"
          + " v / * = significantly higher / lower at 5 %, corrected resampled t-test) ===");
      System.out.println(tt.multiResultsetFull(0, col));
    }
    System.exit(0);
  }
}
