package polynomialnetwork.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeightScalingTest {

  @Test
  void usualWeightsAreLeftAsGiven() {
    for (double w : new double[] {0, 1, 0.5, 3, 1e-70, 1e70, 0x1p256, 0x1p-256}) {
      assertEquals(0, WeightScaling.shiftFor(w), "max weight " + w);
    }
  }

  @Test
  void extremeWeightsAreBroughtToOneToTwo() {
    for (double w : new double[] {1e308, Double.MAX_VALUE, 0x1p257, 1e-300, 1e-310,
        Double.MIN_VALUE, 0x1p-257}) {
      double scaled = WeightScaling.apply(w, WeightScaling.shiftFor(w));
      assertEquals(1.5, scaled, 0.5, "max weight " + w + " -> " + scaled);
    }
    assertEquals(-1074, WeightScaling.exponentOf(Double.MIN_VALUE));
    assertEquals(-1023, WeightScaling.exponentOf(0x1p-1023));
    assertEquals(-1022, WeightScaling.exponentOf(Double.MIN_NORMAL));
  }

  @Test
  void scalingIsExactAndKeepsRatios() {
    int shift = WeightScaling.shiftFor(1e300);
    double a = WeightScaling.apply(1e300, shift);
    double b = WeightScaling.apply(3e299, shift);
    assertEquals(1e300 / 3e299, a / b, 0.0);
    assertEquals(1e300, Math.scalb(a, -shift), 0.0);
  }
}
