package polynomialnetwork.spark;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * {@link TrainOnSpark}'s command line: its arguments, the check of the model path before any
 * training, and the writing of the model file.
 */
final class SparkCommandLine {
  String input;
  String model;
  String className;
  String header;
  InputTable.Format format;
  String master;
  String checkpointDir;
  String weight;
  int partitions;
  boolean nominalClass;
  boolean skipMalformed;
  List<String> wekaOptions = new ArrayList<>();
  Instances trainedHeader;

  /** The arguments, or null when help was asked for. */
  static SparkCommandLine parse(String[] args) {
    SparkCommandLine a = new SparkCommandLine();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        a.wekaOptions.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return null;
      }
      if (!arg.startsWith("--")) {
        throw new BadInputException("unexpected argument '" + arg + "'; PolynomialNetwork "
            + "options go after '--'.");
      }
      if (arg.equals("--nominal-class")) {
        a.nominalClass = true;
        continue;
      }
      if (arg.equals("--skip-malformed")) {
        a.skipMalformed = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new BadInputException(arg + " needs a value.");
      }
      String v = args[++i];
      switch (arg) {
        case "--input": a.input = v; break;
        case "--model": a.model = v; break;
        case "--class": a.className = v; break;
        case "--header": a.header = v; break;
        case "--weight": a.weight = v; break;
        case "--master": a.master = v; break;
        case "--checkpoint-dir": a.checkpointDir = v; break;
        case "--format":
          try {
            a.format = InputTable.Format.valueOf(v.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new BadInputException("--format " + v + ": use csv or parquet.");
          }
          break;
        case "--partitions":
          try {
            a.partitions = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            a.partitions = -1;
          }
          if (a.partitions < 1) {
            throw new BadInputException("--partitions " + v + ": give a whole number >= 1.");
          }
          break;
        default:
          throw new BadInputException("unknown option " + arg + ".");
      }
    }
    if (a.input == null || a.model == null) {
      throw new BadInputException("--input and --model are required.");
    }
    if (a.weight != null && a.weight.equals(a.className)) {
      throw new BadInputException("--weight " + a.weight + " and --class " + a.className
          + " name the same column; the weights cannot be the class.");
    }
    return a;
  }

  /** Refuses a model path that cannot be written, before any training time is spent. */
  void checkModelPath() {
    Path out = Paths.get(model).toAbsolutePath();
    if (Files.isDirectory(out)) {
      throw new BadInputException("--model " + model + " is a folder; give a file name such "
          + "as " + out.resolve("network.model") + ".");
    }
    Path dir = out.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException("--model " + model + ": folder " + dir + " does not exist.");
    }
    if (!Files.isWritable(dir)) {
      throw new BadInputException("--model " + model + ": folder " + dir
          + " is not writable.");
    }
  }

  /**
   * Writes the model file (classifier, then header) to a temporary file beside it and moves
   * it into place, so that an existing file is replaced only by a complete model; then prints
   * the model text.
   */
  void writeModel(PolynomialNetwork classifier, PrintStream out) throws IOException {
    Path target = Paths.get(model).toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(temp);
          ObjectOutputStream oos = new ObjectOutputStream(os)) {
        oos.writeObject(classifier);
        oos.writeObject(trainedHeader);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    out.println(classifier);
  }
}
