package polynomialnetwork.weka;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

import polynomialnetwork.engine.QuadraticNetwork;
import weka.classifiers.functions.PolynomialNetwork;

/**
 * The picture of a trained {@link PolynomialNetwork}, in plain Java2D: on the left the network on
 * standardized inputs (a bar of α for each hidden unit, largest |α| first, above a heat map of the
 * hidden weights w_j, one row per input column, plus the linear term β); on the right the
 * training curve (training RMSE per iteration in class units, with the held-out RMSE of the
 * early-stopping probe when there was one). Used by the Explorer plugin
 * ({@link NetworkPicturePlugin}) and the command line ({@link NetworkPictureWriter}).
 */
public final class NetworkPicture {

  /** At most this many input columns get a heat-map row; the others are summarised. */
  public static final int MAX_ROWS = 40;

  private static final Color POSITIVE = new Color(178, 24, 43);
  private static final Color NEGATIVE = new Color(33, 102, 172);
  private static final Color GRID = new Color(225, 225, 225);
  private static final Color TEXT = new Color(40, 40, 40);
  private static final Color CURVE = new Color(33, 102, 172);
  private static final Color PROBE = new Color(120, 120, 120);
  private static final Color HELD_OUT = new Color(230, 120, 20);

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
  public static BufferedImage render(PolynomialNetwork model, int width, int height) {
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
  public static void paint(Graphics2D g, PolynomialNetwork model, int width, int height) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    QuadraticNetwork net = model.getNetwork();
    String[] names = model.getColumnNames();
    if (net == null || names == null) {
      g.setColor(TEXT);
      g.drawString(names == null ? "PolynomialNetwork: no model built yet."
          : "PolynomialNetwork: constant model (no network to draw).", 20, 30);
      return;
    }
    g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
    g.setColor(TEXT);
    g.drawString("PolynomialNetwork: " + net.hiddenUnits() + " hidden unit"
        + (net.hiddenUnits() == 1 ? "" : "s") + ", " + names.length + " input column"
        + (names.length == 1 ? "" : "s"), 16, 22);
    g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
    int split = (int) Math.round(width * 0.56);
    paintNetwork(g, net, names, 10, 34, split - 20, height - 44);
    paintCurve(g, model.getTrainingCurve(), split + 10, 34, width - split - 20, height - 44);
  }

  // ------------------------------------------------------------------ the network

  private static void paintNetwork(Graphics2D g, QuadraticNetwork net, String[] names, int x0,
      int y0, int w, int h) {
    int r = net.hiddenUnits();
    double[] beta = net.linearTerm();
    int cols = r + (beta != null ? 1 : 0);
    int[] rows = shownRows(net, names.length);
    boolean truncated = rows.length < names.length;

    FontMetrics fm = g.getFontMetrics();
    int labelW = 0;
    for (int k : rows) {
      labelW = Math.max(labelW, fm.stringWidth(shorten(names[k], 28)));
    }
    labelW = Math.min(labelW + 8, w / 3);
    int mapX = x0 + labelW;
    int mapW = w - labelW - 70; // room for the colour scale
    int cellW = Math.max(8, Math.min(90, mapW / Math.max(1, cols)));
    int barTop = y0 + 22;
    int barH = Math.max(40, Math.min(110, h / 5));
    int mapTop = barTop + barH + 34;
    int footer = truncated ? 34 : 18;
    int cellH = Math.max(3, Math.min(26, (y0 + h - mapTop - footer) / Math.max(1, rows.length)));

    g.setColor(TEXT);
    g.drawString("Output weights \u03b1 (units ordered by |\u03b1|)", x0, y0 + 12);

    // bars of alpha, centred on a zero line
    double amax = 0;
    for (int j = 0; j < r; j++) {
      amax = Math.max(amax, Math.abs(net.alpha(j)));
    }
    boolean mixed = false;
    for (int j = 0; j < r; j++) {
      mixed |= net.alpha(j) < 0;
    }
    int zeroY = mixed ? barTop + barH / 2 : barTop + barH;
    int half = mixed ? barH / 2 : barH;
    g.setColor(GRID);
    g.drawLine(mapX, zeroY, mapX + cellW * cols, zeroY);
    for (int j = 0; j < r; j++) {
      double a = net.alpha(j);
      int len = amax > 0 ? (int) Math.round(Math.abs(a) / amax * (half - 12)) : 0;
      int bx = mapX + j * cellW + cellW / 6;
      int bw = Math.max(2, cellW - cellW / 3);
      g.setColor(a >= 0 ? POSITIVE : NEGATIVE);
      if (a >= 0) {
        g.fillRect(bx, zeroY - len, bw, len);
      } else {
        g.fillRect(bx, zeroY, bw, len);
      }
      g.setColor(TEXT);
      String s = fmt(a);
      if (fm.stringWidth(s) <= cellW + 4) {
        int ty = a >= 0 ? zeroY - len - 3 : zeroY + len + fm.getAscent();
        g.drawString(s, mapX + j * cellW + (cellW - fm.stringWidth(s)) / 2, ty);
      }
    }

    // column headers
    g.setColor(TEXT);
    g.drawString("Hidden weights w_j on standardized inputs" + (beta != null
        ? ", and the linear term \u03b2" : ""), x0, mapTop - 20);
    for (int c = 0; c < cols; c++) {
      String head = c < r ? "w_" + (c + 1) : "\u03b2";
      if (fm.stringWidth(head) <= cellW + 2) {
        g.drawString(head, mapX + c * cellW + (cellW - fm.stringWidth(head)) / 2, mapTop - 4);
      }
    }

    // heat map: one row per shown input column
    double vmax = 1e-300;
    for (int k : rows) {
      for (int j = 0; j < r; j++) {
        vmax = Math.max(vmax, Math.abs(net.hiddenWeights(j)[k]));
      }
      if (beta != null) {
        vmax = Math.max(vmax, Math.abs(beta[k]));
      }
    }
    Font cellFont = g.getFont().deriveFont(Math.min(11f, Math.max(7f, cellH - 3f)));
    for (int i = 0; i < rows.length; i++) {
      int k = rows[i];
      int cy = mapTop + i * cellH;
      if (cellH >= 9) {
        g.setColor(TEXT);
        g.drawString(shorten(names[k], 28), x0, cy + (cellH + fm.getAscent()) / 2 - 2);
      }
      for (int c = 0; c < cols; c++) {
        double v = c < r ? net.hiddenWeights(c)[k] : beta[k];
        g.setColor(diverging(v / vmax));
        g.fillRect(mapX + c * cellW, cy, cellW, cellH);
        if (cellH >= 12 && cellW >= 40) {
          Font f = g.getFont();
          g.setFont(cellFont);
          FontMetrics cfm = g.getFontMetrics();
          String s = String.format(Locale.ROOT, "%.2f", v);
          g.setColor(Math.abs(v / vmax) > 0.6 ? Color.WHITE : TEXT);
          g.drawString(s, mapX + c * cellW + (cellW - cfm.stringWidth(s)) / 2,
              cy + (cellH + cfm.getAscent()) / 2 - 1);
          g.setFont(f);
        }
      }
    }
    g.setColor(GRID);
    g.drawRect(mapX, mapTop, cellW * cols, cellH * rows.length);
    if (beta != null && r > 0) {
      g.setColor(Color.GRAY);
      g.drawLine(mapX + r * cellW, mapTop, mapX + r * cellW, mapTop + cellH * rows.length);
    }
    int below = mapTop + cellH * rows.length + 14;
    g.setColor(TEXT);
    if (truncated) {
      g.drawString("showing the " + rows.length + " of " + names.length + " columns with the "
          + "largest \u03a3_j |\u03b1_j| w_jk\u00b2 + |\u03b2_k|", x0, below);
      below += 14;
    }
    g.drawString("bias c = " + fmt(net.bias()), x0, below);

    // colour scale
    int sx = mapX + cellW * cols + 14;
    int sh = Math.min(160, Math.max(60, cellH * rows.length));
    for (int t = 0; t < sh; t++) {
      g.setColor(diverging(1 - 2.0 * t / (sh - 1)));
      g.fillRect(sx, mapTop + t, 12, 1);
    }
    g.setColor(TEXT);
    g.drawRect(sx, mapTop, 12, sh);
    g.drawString("+" + fmt(vmax), sx + 15, mapTop + fm.getAscent());
    g.drawString("0", sx + 15, mapTop + sh / 2 + fm.getAscent() / 2);
    g.drawString("\u2212" + fmt(vmax), sx + 15, mapTop + sh);
  }

  /** The input columns to show: all of them, or the MAX_ROWS most important in input order. */
  static int[] shownRows(QuadraticNetwork net, int p) {
    if (p <= MAX_ROWS) {
      int[] all = new int[p];
      for (int k = 0; k < p; k++) {
        all[k] = k;
      }
      return all;
    }
    final double[] score = new double[p];
    for (int k = 0; k < p; k++) {
      for (int j = 0; j < net.hiddenUnits(); j++) {
        double wk = net.hiddenWeights(j)[k];
        score[k] += Math.abs(net.alpha(j)) * wk * wk;
      }
      if (net.linearTerm() != null) {
        score[k] += Math.abs(net.linearTerm()[k]);
      }
    }
    Integer[] order = new Integer[p];
    for (int k = 0; k < p; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    int[] top = new int[MAX_ROWS];
    for (int i = 0; i < MAX_ROWS; i++) {
      top[i] = order[i];
    }
    Arrays.sort(top);
    return top;
  }

  /** Blue (-1) - white (0) - red (+1). */
  static Color diverging(double t) {
    double u = Math.max(-1, Math.min(1, t));
    Color end = u >= 0 ? POSITIVE : NEGATIVE;
    double a = Math.sqrt(Math.abs(u));
    return new Color(mix(255, end.getRed(), a), mix(255, end.getGreen(), a),
        mix(255, end.getBlue(), a));
  }

  private static int mix(int from, int to, double a) {
    return (int) Math.round(from + (to - from) * a);
  }

  // ------------------------------------------------------------------ the training curve

  private static void paintCurve(Graphics2D g, TrainingCurve curve, int x0, int y0, int w,
      int h) {
    g.setColor(TEXT);
    g.drawString("Training curve: RMSE (class units) per iteration", x0, y0 + 12);
    if (curve == null || curve.iterations.length == 0) {
      g.drawString("(no training curve stored with this model)", x0, y0 + 40);
      return;
    }
    FontMetrics fm = g.getFontMetrics();
    int legendH = curve.hasProbe() ? 58 : 26;
    int px = x0 + 58;
    int py = y0 + 26;
    int pw = Math.max(40, w - 70);
    int ph = Math.max(40, h - 26 - 36 - legendH);

    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    int maxIt = 1;
    for (double[] series : new double[][] {curve.rmse, curve.probeRmse, curve.probeHeldOutRmse}) {
      if (series == null) {
        continue;
      }
      for (double v : series) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    for (int it : curve.iterations) {
      maxIt = Math.max(maxIt, it);
    }
    if (curve.probeIterations != null) {
      for (int it : curve.probeIterations) {
        maxIt = Math.max(maxIt, it);
      }
    }
    if (!(hi > 0)) {
      lo = 1e-3;
      hi = 1;
    }
    boolean log = hi / lo > 30;
    Axis axis = log ? Axis.log(lo, hi) : Axis.linear(0, hi);

    // frame, grid and ticks
    g.setColor(GRID);
    for (double t : axis.ticks) {
      int y = axis.toY(t, py, ph);
      g.drawLine(px, y, px + pw, y);
    }
    g.setColor(TEXT);
    g.drawRect(px, py, pw, ph);
    for (double t : axis.ticks) {
      int y = axis.toY(t, py, ph);
      String s = fmt(t);
      g.drawString(s, px - 4 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
    }
    int step = niceStep(maxIt / 6.0);
    for (int it = 0; it <= maxIt; it += step) {
      int x = px + (int) Math.round((double) it / maxIt * pw);
      g.drawLine(x, py + ph, x, py + ph + 4);
      String s = Integer.toString(it);
      g.drawString(s, x - fm.stringWidth(s) / 2, py + ph + 4 + fm.getAscent());
    }
    g.drawString("iteration", px + pw / 2 - fm.stringWidth("iteration") / 2, py + ph + 32);
    if (log) {
      g.drawString("(log scale)", px + pw - fm.stringWidth("(log scale)") - 6,
          py + fm.getAscent() + 4);
    }

    Stroke solid = new BasicStroke(2f);
    Stroke dashed = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
        new float[] {6f, 4f}, 0f);
    if (curve.hasProbe()) {
      series(g, curve.probeIterations, curve.probeRmse, axis, px, py, pw, ph, maxIt, PROBE, dashed);
      series(g, curve.probeIterations, curve.probeHeldOutRmse, axis, px, py, pw, ph, maxIt,
          HELD_OUT, dashed);
      marker(g, curve.probeBestIteration, px, py, pw, ph, maxIt, HELD_OUT);
    }
    series(g, curve.iterations, curve.rmse, axis, px, py, pw, ph, maxIt, CURVE, solid);
    marker(g, curve.bestIteration, px, py, pw, ph, maxIt, CURVE);

    // legend
    int ly = py + ph + 50;
    legend(g, px, ly, CURVE, solid, "training RMSE of the model (best iterate "
        + curve.bestIteration + ", final " + fmt(last(curve.rmse)) + ")");
    if (curve.hasProbe()) {
      legend(g, px, ly + 16, PROBE, dashed, "early-stopping probe: training RMSE");
      legend(g, px, ly + 32, HELD_OUT, dashed, "early-stopping probe: held-out RMSE (lowest at "
          + curve.probeBestIteration + ")");
    }
  }

  private static void series(Graphics2D g, int[] its, double[] v, Axis axis, int px, int py,
      int pw, int ph, int maxIt, Color color, Stroke stroke) {
    Path2D.Double path = new Path2D.Double();
    boolean started = false;
    for (int i = 0; i < its.length; i++) {
      if (!(v[i] > 0) || !Double.isFinite(v[i])) {
        started = false;
        continue;
      }
      double x = px + (double) its[i] / maxIt * pw;
      double y = axis.toYd(v[i], py, ph);
      if (started) {
        path.lineTo(x, y);
      } else {
        path.moveTo(x, y);
        started = true;
      }
    }
    Stroke old = g.getStroke();
    g.setStroke(stroke);
    g.setColor(color);
    g.draw(path);
    g.setStroke(old);
  }

  private static void marker(Graphics2D g, int it, int px, int py, int pw, int ph, int maxIt,
      Color color) {
    if (it < 0) {
      return;
    }
    int x = px + (int) Math.round((double) it / maxIt * pw);
    g.setColor(color);
    Stroke old = g.getStroke();
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
        new float[] {2f, 3f}, 0f));
    g.drawLine(x, py, x, py + ph);
    g.setStroke(old);
  }

  private static void legend(Graphics2D g, int x, int y, Color c, Stroke s, String text) {
    Stroke old = g.getStroke();
    g.setStroke(s);
    g.setColor(c);
    g.drawLine(x, y - 4, x + 26, y - 4);
    g.setStroke(old);
    g.setColor(TEXT);
    g.drawString(text, x + 32, y);
  }

  private static double last(double[] v) {
    return v.length == 0 ? Double.NaN : v[v.length - 1];
  }

  private static int niceStep(double raw) {
    if (raw <= 1) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (int) Math.round((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p);
  }

  /** A y axis, linear or logarithmic, with its tick values. */
  private static final class Axis {
    final boolean log;
    final double lo;
    final double hi;
    final double[] ticks;

    private Axis(boolean log, double lo, double hi, double[] ticks) {
      this.log = log;
      this.lo = lo;
      this.hi = hi;
      this.ticks = ticks;
    }

    static Axis linear(double lo, double hi) {
      double step = niceDouble((hi - lo) / 5);
      double top = Math.ceil(hi / step) * step;
      int n = (int) Math.round((top - lo) / step);
      double[] t = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        t[i] = lo + i * step;
      }
      return new Axis(false, lo, top, t);
    }

    static Axis log(double lo, double hi) {
      int a = (int) Math.floor(Math.log10(lo));
      int b = (int) Math.ceil(Math.log10(hi));
      int every = Math.max(1, (b - a + 7) / 8);
      int n = (b - a) / every + 1;
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = Math.pow(10, a + i * every);
      }
      return new Axis(true, Math.pow(10, a), Math.pow(10, b), t);
    }

    double toYd(double v, int py, int ph) {
      double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
          : (v - lo) / (hi - lo);
      return py + ph - f * ph;
    }

    int toY(double v, int py, int ph) {
      return (int) Math.round(toYd(v, py, ph));
    }

    private static double niceDouble(double raw) {
      if (!(raw > 0)) {
        return 1;
      }
      double p = Math.pow(10, Math.floor(Math.log10(raw)));
      double f = raw / p;
      return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }
  }

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

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
