package polynomialnetwork.bench.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;

import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The scale run split in two: loads an ARFF with Weka's {@link DataSource} and
 * trains PolynomialNetwork on it, timing the two separately and reporting the JVM's peak heap
 * (sum of the heap pools' peak usage). Usage: {@code ScaleFit <train.arff> [PolynomialNetwork
 * options...]}.
 */
public final class ScaleFit {

  private ScaleFit() {
  }

  public static void main(String[] args) throws Exception {
    String file = args[0];
    String[] options = Arrays.copyOfRange(args, 1, args.length);
    String shown = String.join(" ", options);
    long t0 = System.nanoTime();
    Instances data = DataSource.read(file);
    data.setClassIndex(data.numAttributes() - 1);
    double load = (System.nanoTime() - t0) * 1e-9;
    long heapAfterLoad = peakHeap();
    System.out.printf(Locale.ROOT, "load (DataSource.read): %.1f s, m = %d, p = %d; peak heap so "
        + "far %.2f GiB%n", load, data.numInstances(), data.numAttributes() - 1,
        heapAfterLoad / (double) (1L << 30));
    PolynomialNetwork c = new PolynomialNetwork();
    c.setOptions(options.clone());
    long t1 = System.nanoTime();
    c.buildClassifier(data);
    double train = (System.nanoTime() - t1) * 1e-9;
    System.out.printf(Locale.ROOT, "train (buildClassifier %s): %.1f s%n", shown, train);
    System.out.printf(Locale.ROOT, "peak heap (sum of heap pools' peak usage): %.2f GiB%n",
        peakHeap() / (double) (1L << 30));
    for (String line : c.toString().split("\n")) {
      if (line.trim().startsWith("Iterations:") || line.contains("residual")) {
        System.out.println("  " + line.trim());
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
