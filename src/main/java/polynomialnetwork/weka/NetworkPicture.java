package polynomialnetwork.weka;

import polynomialnetwork.engine.QuadraticNetwork;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The picture of a trained network, in plain Java2D: on the left the network on standardized
 * inputs ({@link NetworkHeatMap}); on the right the training curve ({@link TrainingCurvePlot}).
 * It takes what it draws from a {@link DrawableNetwork} (the classifier is one). Used by the Explorer plugin
 * ({@link NetworkPicturePlugin}) and the command line ({@link NetworkPictureWriter}).
 */
public final class NetworkPicture {

  /** At most this many input columns get a heat-map row; the others are summarised. */
  public static final int MAX_ROWS = NetworkHeatMap.MAX_ROWS;

  private static final Color TEXT = NetworkHeatMap.TEXT;

  private NetworkPicture() {
  }

  /**
   * Renders the picture into a new image.
   *
   * @param model a trained classifier
   * @param width image width in pixels
   * @param height image height in pixels
   * @return the image (white background)
   */
  public static BufferedImage render(DrawableNetwork model, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      paint(g, model, width, height);
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * Paints the picture onto a graphics context.
   *
   * @param g the graphics
   * @param model a classifier (trained or not: an untrained or constant model gets a note)
   * @param width the width to fill
   * @param height the height to fill
   */
  public static void paint(Graphics2D g, DrawableNetwork model, int width, int height) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    QuadraticNetwork[] nets = model.getNetworks();
    String[] titles = model.getNetworkTitles();
    String[] names = model.getColumnNames();
    if (nets == null || names == null) {
      g.setColor(TEXT);
      g.drawString(names == null ? "PolynomialNetwork: no model built yet."
          : "PolynomialNetwork: constant model (no network to draw).", 20, 30);
      return;
    }
    int units = 0;
    for (QuadraticNetwork n : nets) {
      units = Math.max(units, n.hiddenUnits());
    }
    g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
    g.setColor(TEXT);
    g.drawString("PolynomialNetwork: " + (nets.length > 1 ? nets.length + " class scores, up to "
        : "") + units + " hidden unit" + (units == 1 ? "" : "s") + ", " + names.length
        + " input column" + (names.length == 1 ? "" : "s"), 16, 22);
    g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
    int split = (int) Math.round(width * 0.56);
    int top = 34;
    int each = (height - 44) / nets.length;
    for (int s = 0; s < nets.length; s++) {
      int y = top + s * each;
      int h = each;
      if (titles != null) {
        g.setColor(TEXT);
        g.drawString(titles[s], 12, y + 12);
        y += 16;
        h -= 16;
      }
      NetworkHeatMap.paint(g, nets[s], names, 10, y, split - 20, h - (nets.length > 1 ? 6 : 0));
    }
    TrainingCurvePlot.paint(g, model.getTrainingCurve(), split + 10, 34, width - split - 20,
        height - 44);
  }

  /** A number as the picture writes it: 3 significant digits, short exponents. */
  static String fmt(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e4 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.2g", v).replace("e+0", "e").replace("e-0", "e-")
          .replace("e+", "e");
    }
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.3f", v);
  }
}
