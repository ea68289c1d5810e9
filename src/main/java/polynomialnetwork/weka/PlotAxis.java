package polynomialnetwork.weka;

/** A y axis of {@link TrainingCurvePlot}, linear or logarithmic, with its tick values. */
final class PlotAxis {

  final boolean log;
  final double lo;
  final double hi;
  final double[] ticks;

  private PlotAxis(boolean log, double lo, double hi, double[] ticks) {
    this.log = log;
    this.lo = lo;
    this.hi = hi;
    this.ticks = ticks;
  }

  static PlotAxis linear(double lo, double hi) {
    double step = niceDouble((hi - lo) / 5);
    double top = Math.ceil(hi / step) * step;
    int n = (int) Math.round((top - lo) / step);
    double[] t = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      t[i] = lo + i * step;
    }
    return new PlotAxis(false, lo, top, t);
  }

  static PlotAxis log(double lo, double hi) {
    int a = (int) Math.floor(Math.log10(lo));
    int b = (int) Math.ceil(Math.log10(hi));
    int every = Math.max(1, (b - a + 7) / 8);
    int n = (b - a) / every + 1;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = Math.pow(10, a + i * every);
    }
    return new PlotAxis(true, Math.pow(10, a), Math.pow(10, b), t);
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

  /** A round step (1, 2 or 5 times a power of ten) near {@code raw}, at least 1. */
  static int niceStep(double raw) {
    if (raw <= 1) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (int) Math.round((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p);
  }
}
