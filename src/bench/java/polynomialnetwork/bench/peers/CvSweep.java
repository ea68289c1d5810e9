package polynomialnetwork.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * A quick way to compare settings: R × 10-fold cross-validation with the Experimenter's splits
 * (randomize with {@code new Random(run)}, then {@code trainCV/testCV}), RRSE per fold, and the
 * corrected resampled t-test (Nadeau &amp; Bengio; Weka's PairedCorrectedTTester) of every scheme
 * against the first one. Also counts non-finite and absurd predictions (|ŷ| beyond the training
 * target range by more than 10 ranges).
 *
 * <pre>
 * usage: CvSweep runs data1.arff[,data2.arff...] "classname options" ["classname options" ...]
 * </pre>
 */
public final class CvSweep {

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    String[] files = args[1].split(",");
    List<String> specs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      specs.add(args[i]);
    }
    for (String file : files) {
      Instances data = DataSource.read(file);
      data.setClassIndex(data.numAttributes() - 1);
      double[][] rrse = new double[specs.size()][runs * 10];
      double[] ratio = new double[runs * 10];
      int[] bad = new int[specs.size()];
      double[] seconds = new double[specs.size()];
      for (int run = 1; run <= runs; run++) {
        Instances shuffled = new Instances(data);
        Random random = new Random(run);
        shuffled.randomize(random);
        for (int fold = 0; fold < 10; fold++) {
          Instances train = shuffled.trainCV(10, fold, random);
          Instances test = shuffled.testCV(10, fold);
          int idx = (run - 1) * 10 + fold;
          ratio[idx] = (double) test.numInstances() / train.numInstances();
          double lo = train.kthSmallestValue(train.classIndex(), 1);
          double hi = train.kthSmallestValue(train.classIndex(), train.numInstances());
          for (int s = 0; s < specs.size(); s++) {
            String[] parts = Utils.splitOptions(specs.get(s));
            String name = parts[0];
            parts[0] = "";
            Classifier c = AbstractClassifier.forName(name, parts);
            long t0 = System.nanoTime();
            c.buildClassifier(train);
            Evaluation ev = new Evaluation(train);
            double[] pred = ev.evaluateModel(c, test);
            seconds[s] += (System.nanoTime() - t0) / 1e9;
            for (double v : pred) {
              if (!Double.isFinite(v) || v > hi + 10 * (hi - lo) || v < lo - 10 * (hi - lo)) {
                bad[s]++;
              }
            }
            rrse[s][idx] = ev.rootRelativeSquaredError();
          }
        }
      }
      System.out.printf(Locale.ROOT, "%n%s: %d x 10-fold CV, RRSE %% (corrected t-test against"
          + " scheme 0; * = significantly lower, v = significantly higher, 5 %%)%n", file, runs);
      System.out.printf(Locale.ROOT, "%-3s %8s %8s %7s %6s %6s  %s%n", "#", "mean", "sd", "t",
          "sig", "bad", "scheme");
      for (int s = 0; s < specs.size(); s++) {
        double mean = mean(rrse[s]);
        double sd = Math.sqrt(variance(rrse[s]));
        String sig = "";
        double t = Double.NaN;
        if (s > 0) {
          double[] diff = new double[rrse[s].length];
          for (int i = 0; i < diff.length; i++) {
            diff[i] = rrse[s][i] - rrse[0][i];
          }
          double v = variance(diff);
          double r = mean(ratio);
          t = mean(diff) / Math.sqrt((1.0 / diff.length + r) * v);
          // two-sided 5 % critical value of Student's t with n - 1 degrees of freedom
          double crit = new org.apache.commons.math3.distribution.TDistribution(diff.length - 1)
              .inverseCumulativeProbability(0.975);
          sig = Math.abs(t) > crit ? (t > 0 ? "v" : "*") : "";
        }
        System.out.printf(Locale.ROOT, "%-3d %8.2f %8.2f %7.2f %6s %6d  %s  (%.1f s)%n", s,
            mean, sd, t, sig, bad[s], specs.get(s), seconds[s]);
        if (Boolean.getBoolean("cvsweep.worst")) {
          Integer[] order = new Integer[rrse[s].length];
          for (int i = 0; i < order.length; i++) {
            order[i] = i;
          }
          final double[] v = rrse[s];
          java.util.Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
          StringBuilder sb = new StringBuilder("      worst folds (run.fold:RRSE):");
          for (int i = 0; i < 6; i++) {
            sb.append(String.format(Locale.ROOT, " %d.%d:%.0f", order[i] / 10 + 1, order[i] % 10,
                v[order[i]]));
          }
          System.out.println(sb);
        }
      }
    }
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }
}
