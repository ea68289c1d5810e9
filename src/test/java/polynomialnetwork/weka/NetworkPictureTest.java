package polynomialnetwork.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ConverterUtils.DataSource;

/** The picture of a trained network renders headlessly, from memory and from a saved model. */
class NetworkPictureTest {

  private static PolynomialNetwork trained(String arff, String... options) throws Exception {
    Instances data = DataSource.read(arff);
    data.setClassIndex(data.numAttributes() - 1);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(options);
    pn.buildClassifier(data);
    return pn;
  }

  /** Distinct colours in the image: a blank image has one. */
  private static int colours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  /** Non-white pixels in a rectangle. */
  private static int ink(BufferedImage img, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void rendersNetworkAndCurveOfATrainedModel() throws Exception {
    PolynomialNetwork pn = trained("test-data/cpu.with.vendor.arff");
    TrainingCurve curve = pn.getTrainingCurve();
    assertNotNull(curve);
    assertTrue(curve.iterations.length > 1, "a trace of several iterations");
    assertTrue(curve.hasProbe(), "default -validation 0.2 keeps the early-stopping probe");
    BufferedImage img = NetworkPicture.render(pn, 900, 560);
    assertEquals(900, img.getWidth());
    assertEquals(560, img.getHeight());
    assertTrue(colours(img) > 30, "a heat map and curves, not a blank image");
    // both halves are drawn: the network on the left, the curve on the right
    assertTrue(ink(img, 0, 60, 450, 560) > 5000, "network half has content");
    assertTrue(ink(img, 520, 60, 900, 560) > 2000, "curve half has content");
  }

  @Test
  void manyColumnsAreSummarisedAndUntrainedModelsGetANote() throws Exception {
    PolynomialNetwork pn = trained("test-data/planted-p20-r3-train.arff", "-validation", "0");
    assertNull(pn.getTrainingCurve().probeIterations);
    assertTrue(colours(NetworkPicture.render(pn, 1100, 640)) > 30);
    BufferedImage untrained = NetworkPicture.render(new PolynomialNetwork(), 400, 200);
    assertTrue(ink(untrained, 0, 0, 400, 200) > 50, "a note is written");
  }

  @Test
  void writerMakesAPngFromASavedModel(@TempDir Path dir) throws Exception {
    PolynomialNetwork pn = trained("test-data/cpu.arff");
    File model = dir.resolve("pn.model").toFile();
    Instances header = new Instances(DataSource.read("test-data/cpu.arff"), 0);
    // as Weka's -d writes it: the classifier, then the training header
    SerializationHelper.writeAll(model.getPath(), new Object[] {pn, header});
    File png = dir.resolve("pn.png").toFile();
    new NetworkPictureWriter().run(null, new String[] {"-l", model.getPath(), "-o",
        png.getPath(), "-width", "800", "-height", "500"});
    BufferedImage img = ImageIO.read(png);
    assertEquals(800, img.getWidth());
    assertEquals(500, img.getHeight());
    assertTrue(colours(img) > 30);
    // the same picture as rendering the model in memory
    BufferedImage direct = NetworkPicture.render(pn, 800, 500);
    int differing = 0;
    for (int y = 0; y < 500; y += 3) {
      for (int x = 0; x < 800; x += 3) {
        differing += img.getRGB(x, y) == direct.getRGB(x, y) ? 0 : 1;
      }
    }
    assertEquals(0, differing, "the saved model draws the same picture");
  }

  @Test
  void pluginOffersItsItemForNumericClassesOnly() {
    NetworkPicturePlugin plugin = new NetworkPicturePlugin();
    Attribute nominal = new Attribute("c", Arrays.asList("a", "b"));
    assertNull(plugin.getVisualizeMenuItem(new ArrayList<>(), nominal));
    assertEquals(NetworkPicturePlugin.MENU_TEXT,
        plugin.getVisualizeMenuItem(new ArrayList<>(), new Attribute("y")).getText());
  }
}
