package polynomialnetwork.weka;

import polynomialnetwork.engine.QuadraticNetwork;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.Arrays;
import java.util.Locale;

/**
 * The left part of {@link NetworkPicture}: a bar of α for each hidden unit (largest |α| first)
 * above a heat map of the hidden weights w_j, one row per input column, plus the linear term β,
 * with a diverging colour scale (blue negative, red positive).
 */
final class NetworkHeatMap {

  /** At most this many input columns get a heat-map row; the others are summarised. */
  static final int MAX_ROWS = 40;

  static final Color POSITIVE = new Color(178, 24, 43);
  static final Color NEGATIVE = new Color(33, 102, 172);
  static final Color GRID = new Color(225, 225, 225);
  static final Color TEXT = new Color(40, 40, 40);

  private NetworkHeatMap() {
  }

  static void paint(Graphics2D g, QuadraticNetwork net, String[] names, int x0, int y0, int w,
      int h) {
    int r = net.hiddenUnits();
    double[][] weights = hiddenWeights(net);
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
      String s = NetworkPicture.fmt(a);
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
        vmax = Math.max(vmax, Math.abs(weights[j][k]));
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
        double v = c < r ? weights[c][k] : beta[k];
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
    g.drawString("bias c = " + NetworkPicture.fmt(net.bias()), x0, below);

    // colour scale
    int sx = mapX + cellW * cols + 14;
    int sh = Math.min(160, Math.max(60, cellH * rows.length));
    for (int t = 0; t < sh; t++) {
      g.setColor(diverging(1 - 2.0 * t / (sh - 1)));
      g.fillRect(sx, mapTop + t, 12, 1);
    }
    g.setColor(TEXT);
    g.drawRect(sx, mapTop, 12, sh);
    g.drawString("+" + NetworkPicture.fmt(vmax), sx + 15, mapTop + fm.getAscent());
    g.drawString("0", sx + 15, mapTop + sh / 2 + fm.getAscent() / 2);
    g.drawString("\u2212" + NetworkPicture.fmt(vmax), sx + 15, mapTop + sh);
  }

  /** Each unit's w_j once (the network hands out copies). */
  private static double[][] hiddenWeights(QuadraticNetwork net) {
    double[][] w = new double[net.hiddenUnits()][];
    for (int j = 0; j < w.length; j++) {
      w[j] = net.hiddenWeights(j);
    }
    return w;
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
    double[][] weights = hiddenWeights(net);
    for (int k = 0; k < p; k++) {
      for (int j = 0; j < weights.length; j++) {
        double wk = weights[j][k];
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

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
