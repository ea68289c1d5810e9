package polynomialnetwork.weka;

import java.io.File;

import javax.imageio.ImageIO;

import weka.core.CommandlineRunnable;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Writes {@link NetworkPicture} of a saved model (a file written by Weka's {@code -d} or the
 * Explorer's "Save model") to a PNG file:
 *
 * <pre>
 * java -cp ... weka.Run -no-scan polynomialnetwork.weka.NetworkPictureWriter -l pn.model -o pn.png
 *   [-width 1100] [-height 640]
 * </pre>
 *
 * (or {@code java -cp weka.jar:polynomialNetwork.jar:lib/* polynomialnetwork.weka.NetworkPictureWriter ...}).
 * Runs headless.
 */
public class NetworkPictureWriter implements CommandlineRunnable {

  /** Default image size. */
  public static final int DEFAULT_WIDTH = 1100;
  public static final int DEFAULT_HEIGHT = 640;

  /**
   * @param args the options, see {@link #usage()}
   */
  public static void main(String[] args) {
    try {
      new NetworkPictureWriter().run(null, args);
    } catch (Exception e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** @return the command-line help */
  public static String usage() {
    return "Usage: polynomialnetwork.weka.NetworkPictureWriter -l <model file> -o <png file> "
        + "[-width <pixels>] [-height <pixels>]\n"
        + "  Writes the picture of a saved DrawableNetwork model (hidden units by |alpha|,\n"
        + "  hidden weights per attribute, training RMSE per iteration) to a PNG file.\n"
        + "  Default size " + DEFAULT_WIDTH + " x " + DEFAULT_HEIGHT + ".";
  }

  /**
   * Reads the model from a file written by {@code -d} or the Explorer.
   *
   * @param file the model file
   * @return the classifier in it
   * @throws Exception if the file holds no PolynomialNetwork
   */
  public static DrawableNetwork readModel(String file) throws Exception {
    Object[] objects = SerializationHelper.readAll(file);
    for (Object o : objects) {
      if (o instanceof DrawableNetwork) {
        return (DrawableNetwork) o;
      }
    }
    throw new Exception(file + " holds no DrawableNetwork model (it holds "
        + (objects.length == 0 ? "nothing" : objects[0].getClass().getName()) + ")");
  }

  @Override
  public void preExecution() {
  }

  @Override
  public void run(Object toRun, String[] options) throws Exception {
    if (Utils.getFlag('h', options) || Utils.getFlag("help", options) || options.length == 0) {
      System.out.println(usage());
      return;
    }
    String model = Utils.getOption('l', options);
    String out = Utils.getOption('o', options);
    String w = Utils.getOption("width", options);
    String h = Utils.getOption("height", options);
    Utils.checkForRemainingOptions(options);
    if (model.isEmpty() || out.isEmpty()) {
      throw new Exception("-l <model file> and -o <png file> are required.\n" + usage());
    }
    int width = w.isEmpty() ? DEFAULT_WIDTH : Integer.parseInt(w);
    int height = h.isEmpty() ? DEFAULT_HEIGHT : Integer.parseInt(h);
    if (width < 200 || height < 150) {
      throw new Exception("the picture needs at least 200 x 150 pixels");
    }
    DrawableNetwork pn = readModel(model);
    if (!ImageIO.write(NetworkPicture.render(pn, width, height), "png", new File(out))) {
      throw new Exception("no PNG writer available");
    }
    System.out.println("wrote " + out + " (" + width + " x " + height + ")");
  }

  @Override
  public void postExecution() {
  }
}
