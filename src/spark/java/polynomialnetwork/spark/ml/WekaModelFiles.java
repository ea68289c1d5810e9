package polynomialnetwork.spark.ml;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import scala.Option;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * A Weka model file on any Hadoop file system: the classifier, then its header (no rows), as
 * the Explorer and TrainOnSpark write one. A saved Spark ML model keeps its Weka model in such a
 * file, {@code data/model.bin} in its folder.
 */
final class WekaModelFiles {

  static final String DATA_FILE = "data/model.bin";

  private WekaModelFiles() {
  }

  static void write(Configuration conf, String file, PolynomialNetwork classifier,
      Instances header) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    try (ObjectOutputStream out = new ObjectOutputStream(fs.create(path, true))) {
      out.writeObject(classifier);
      out.writeObject(new Instances(header, 0));
    }
  }

  /** The classifier and the header of a model file. */
  static Object[] read(Configuration conf, String file) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    try (ObjectInputStream in = new ObjectInputStream(fs.open(path))) {
      Object classifier = in.readObject();
      Object header = in.readObject();
      if (!(classifier instanceof PolynomialNetwork) || !(header instanceof Instances)) {
        throw new IOException("it holds a " + classifier.getClass().getName() + " and a "
            + header.getClass().getName() + ", not a PolynomialNetwork and its header");
      }
      return new Object[] {classifier, header};
    } catch (ClassNotFoundException e) {
      throw new IOException("it names a class not on the classpath: " + e.getMessage(), e);
    }
  }

  /** Saves a Spark ML model: its params as Spark's metadata, the Weka model in data/model.bin. */
  static void save(Params model, String path, SparkContext sc, PolynomialNetwork classifier,
      Instances header) {
    DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sc, Option.empty(), Option.empty());
    try {
      write(sc.hadoopConfiguration(), new Path(path, DATA_FILE).toString(), classifier, header);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the Weka model under " + path + ": " + e,
          e);
    }
  }

  /** A saved Spark ML model: its params' metadata and its Weka model. */
  static final class Saved {
    final DefaultParamsReader.Metadata metadata;
    final PolynomialNetwork classifier;
    final Instances header;

    private Saved(DefaultParamsReader.Metadata metadata, PolynomialNetwork classifier,
        Instances header) {
      this.metadata = metadata;
      this.classifier = classifier;
      this.header = header;
    }
  }

  /**
   * Reads what {@link #save} wrote for a model of class {@code modelClass}.
   *
   * @throws IllegalArgumentException naming the path and what is wrong: no such folder, no
   *     saved model in it, metadata that cannot be read or are another class's, a missing or
   *     damaged data/model.bin
   */
  static Saved load(String path, SparkContext sc, Class<?> modelClass) {
    String call = modelClass.getSimpleName() + ".load(\"" + path + "\"): ";
    Path folder = new Path(path);
    Path data = new Path(path, DATA_FILE);
    try {
      FileSystem fs = folder.getFileSystem(sc.hadoopConfiguration());
      if (!fs.exists(folder)) {
        throw new IllegalArgumentException(call + "there is no saved model there (no such "
            + "folder). Give the folder a model or a PipelineModel was saved to.");
      }
      if (!fs.exists(new Path(path, "metadata"))) {
        throw new IllegalArgumentException(call + "the folder holds no saved Spark ML model (no"
            + " metadata/ in it). Give the folder model.write().save(...) wrote.");
      }
      if (!fs.exists(data)) {
        throw new IllegalArgumentException(call + "the folder has no " + DATA_FILE + ", where "
            + "the Weka model is kept: it is incomplete. Save the model again.");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(call + "cannot look into it: " + e.getMessage(), e);
    }
    DefaultParamsReader.Metadata metadata;
    try {
      metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sc, modelClass.getName());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(call + "its metadata cannot be read as a "
          + modelClass.getSimpleName() + "'s (" + firstLine(e) + "). The folder is damaged or "
          + "holds another model; save the model again.", e);
    }
    Object[] weka;
    try {
      weka = read(sc.hadoopConfiguration(), data.toString());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(call + DATA_FILE + " is not a PolynomialNetwork model ("
          + firstLine(e) + "). The folder is damaged; save the model again.", e);
    }
    return new Saved(metadata, (PolynomialNetwork) weka[0], (Instances) weka[1]);
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
