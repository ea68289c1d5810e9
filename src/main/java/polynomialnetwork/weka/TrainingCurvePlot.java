package polynomialnetwork.weka;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Path2D;

/**
 * The right part of {@link NetworkPicture}: training RMSE per iteration in class units, with the
 * training and held-out RMSE of the early-stopping probe when there was one, and markers at the
 * chosen iterations.
 */
final class TrainingCurvePlot {

  private static final Color GRID = NetworkHeatMap.GRID;
  private static final Color TEXT = NetworkHeatMap.TEXT;
  private static final Color CURVE = new Color(33, 102, 172);
  private static final Color PROBE = new Color(120, 120, 120);
  private static final Color HELD_OUT = new Color(230, 120, 20);

  private TrainingCurvePlot() {
  }

  static void paint(Graphics2D g, TrainingCurve curve, int x0, int y0, int w, int h) {
    g.setColor(TEXT);
    g.drawString("Training curve: " + (curve == null ? "RMSE (class units)"
        : curve.errorName() + " (" + curve.errorUnit() + ")") + " per iteration", x0, y0 + 12);
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
    PlotAxis axis = log ? PlotAxis.log(lo, hi) : PlotAxis.linear(0, hi);

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
      String s = NetworkPicture.fmt(t);
      g.drawString(s, px - 4 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
    }
    int step = PlotAxis.niceStep(maxIt / 6.0);
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
    String e = curve.errorName();
    legend(g, px, ly, CURVE, solid, "training " + e + " of the model (best iterate "
        + curve.bestIteration + ", final " + NetworkPicture.fmt(last(curve.rmse)) + ")");
    if (curve.hasProbe()) {
      legend(g, px, ly + 16, PROBE, dashed, "early-stopping probe: training " + e);
      legend(g, px, ly + 32, HELD_OUT, dashed, "early-stopping probe: held-out " + e
          + " (lowest at "
          + curve.probeBestIteration + ")");
    }
  }

  private static void series(Graphics2D g, int[] its, double[] v, PlotAxis axis, int px, int py,
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
}
