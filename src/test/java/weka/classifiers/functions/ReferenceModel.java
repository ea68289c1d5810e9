package weka.classifiers.functions;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Generates the serialized model kept in {@code src/test/resources/models/} that
 * {@link PolynomialNetworkPersistenceTest} loads to prove that a model saved by version 0.1.0
 * still loads and predicts bit for bit. Run it only to add a fixture for a new version (never to
 * "fix" a failing load: that failure is the point of the test):
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   weka.classifiers.functions.ReferenceModel src/test/resources/models
 * </pre>
 *
 * It writes {@code <PREFIX>-train.arff} (mixed numeric/nominal data with missing values and
 * weights, seed 8), {@code <PREFIX>-test.arff} (new points, some values missing),
 * {@code <PREFIX>.model} (the classifier trained with {@link #OPTIONS}, serialized exactly as
 * Weka's {@code -d} does: one {@link ObjectOutputStream#writeObject}) and
 * {@code <PREFIX>-predictions.txt} (one line per test instance: the prediction's raw bits in hex,
 * then its decimal value). The data is written as ARFF and read back before training, so the
 * model sees exactly the doubles the test reads.
 */
public final class ReferenceModel {

  /** File name prefix of the fixture: the version that wrote it. */
  public static final String PREFIX = "polynomialNetwork-0.1.0";
  /** Classpath folder of the fixtures. */
  public static final String FOLDER = "/models/";
  /** Options the fixture was trained with (every solver feature that adds model state). */
  public static final String OPTIONS = "-N 2 -solver AP-ROM-MBK -step search -I 60 -clip 0.5 "
    + "-validation 0.2 -num-threads 1 -S 3";

  private ReferenceModel() {
  }

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "src/test/resources/models");
    dir.mkdirs();
    Instances train = HostileInput.mixed(80, 8);
    Random rng = new Random(8);
    for (Instance inst : train) {
      if (rng.nextInt(6) == 0) {
        inst.setMissing(rng.nextInt(4));
      }
      inst.setWeight(1 + rng.nextInt(3));
    }
    train.setRelationName(PREFIX + "-train");
    Instances test = new Instances(train, 0);
    test.setRelationName(PREFIX + "-test");
    for (Instance inst : HostileInput.newPoints(train, 20, 9)) {
      test.add(inst);
    }
    File trainFile = new File(dir, PREFIX + "-train.arff");
    File testFile = new File(dir, PREFIX + "-test.arff");
    write(trainFile, train.toString());
    write(testFile, test.toString());
    train = read(trainFile);
    test = read(testFile);

    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(Utils.splitOptions(OPTIONS));
    pn.buildClassifier(train);
    try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(
      new File(dir, PREFIX + ".model")))) {
      out.writeObject(pn);
    }
    StringBuilder sb = new StringBuilder();
    for (Instance inst : test) {
      double y = pn.classifyInstance(inst);
      sb.append(Long.toHexString(Double.doubleToRawLongBits(y))).append(' ').append(y)
        .append('\n');
    }
    write(new File(dir, PREFIX + "-predictions.txt"), sb.toString());
    System.out.println(pn);
  }

  static void write(File f, String text) throws IOException {
    try (PrintWriter w = new PrintWriter(f, "UTF-8")) {
      w.print(text);
      if (!text.endsWith("\n")) {
        w.print('\n');
      }
    }
  }

  static Instances read(File f) throws Exception {
    Instances data = DataSource.read(f.getPath());
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /** Reads a fixture ARFF from the classpath. */
  static Instances readResource(String name) throws Exception {
    try (InputStream in = ReferenceModel.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + FOLDER + name);
      }
      Instances data = new DataSource(in).getDataSet();
      data.setClassIndex(data.numAttributes() - 1);
      return data;
    }
  }

  /** The stored predictions' raw bits. */
  static List<Long> readPredictions() throws IOException {
    try (InputStream in = ReferenceModel.class.getResourceAsStream(FOLDER + PREFIX
      + "-predictions.txt")) {
      if (in == null) {
        throw new IOException("missing test resource " + FOLDER + PREFIX + "-predictions.txt");
      }
      java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in,
        StandardCharsets.UTF_8));
      List<Long> bits = new ArrayList<Long>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.trim().isEmpty()) {
          bits.add(Long.parseUnsignedLong(line.trim().split(" ")[0], 16));
        }
      }
      return bits;
    }
  }
}
