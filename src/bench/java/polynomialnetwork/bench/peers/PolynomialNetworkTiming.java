package polynomialnetwork.bench.peers;

import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.bench.PassCounter;
import java.util.Arrays;
import java.util.Locale;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * PolynomialNetwork alone on the peer benchmark's planted data, fitted several times in one JVM:
 * wall seconds, thread CPU seconds, data passes and test RRSE of each fit, so that the first (cold,
 * JIT warm-up included) and later (warm) fits can be compared, and the work counted. Not a test.
 *
 * <p>Usage: {@code PolynomialNetworkTiming p m fits [PolynomialNetwork options...]}, e.g.
 * {@code 100 10000 5 -N 5}.
 */
public final class PolynomialNetworkTiming {

  private PolynomialNetworkTiming() {
  }

  public static void main(String[] args) throws Exception {
    int p = Integer.parseInt(args[0]);
    int m = Integer.parseInt(args[1]);
    int fits = Integer.parseInt(args[2]);
    String[] options = Arrays.copyOfRange(args, 3, args.length);
    PlantedNetwork net = new PlantedNetwork(p, 5, 20240505L);
    Instances train = net.instances("train", m, 0);
    Instances test = net.instances("test", 2000, 1);
    java.lang.management.ThreadMXBean mx =
        java.lang.management.ManagementFactory.getThreadMXBean();
    System.out.println("kernel " + PassKernels.best().name() + "; options " + Arrays.toString(options));
    for (int f = 0; f < fits; f++) {
      PolynomialNetwork c = new PolynomialNetwork();
      c.setOptions(options.clone());
      long passes0 = PassCounter.installed().passes();
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      c.buildClassifier(train);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      long passes = PassCounter.installed().passes() - passes0;
      Evaluation ev = new Evaluation(train);
      ev.evaluateModel(c, test);
      String summary = c.toString();
      int it = summary.indexOf("Iterations:");
      String iters = it < 0 ? "" : summary.substring(it, summary.indexOf('\n', it));
      System.out.println(String.format(Locale.ROOT,
          "fit %d: %.3f s wall, %.3f s CPU (this thread), %d passes, test RRSE %.3g %%, %s", f + 1,
          wall, cpu, passes, ev.rootRelativeSquaredError(), iters));
    }
  }
}
