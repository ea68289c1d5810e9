package polynomialnetwork.spark.ml;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
      return new Object[] {(PolynomialNetwork) in.readObject(), (Instances) in.readObject()};
    } catch (ClassNotFoundException e) {
      throw new IOException(file + " is not a PolynomialNetwork model file: " + e.getMessage(),
          e);
    }
  }
}
