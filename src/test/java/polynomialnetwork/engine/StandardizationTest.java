package polynomialnetwork.engine;

import polynomialnetwork.engine.linalg.Linalg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StandardizationTest {

  @Test
  void weightedMeansAndScales() {
    Standardization.Accumulator acc = new Standardization.Accumulator(2);
    acc.add(new double[] {1, 5}, 10, 1);
    acc.add(new double[] {3, 5}, 20, 3);
    acc.add(new double[] {100, -7}, 1e6, 0); // weight 0: ignored
    Standardization s = acc.build();
    // column 0: mean (1 + 9)/4 = 2.5, var (1·2.25 + 3·0.25)/4 = 0.75
    assertEquals(2.5, s.means()[0], 1e-15);
    assertEquals(Math.sqrt(0.75), s.scales()[0], 1e-15);
    // column 1 is constant: centred, scale 1
    assertEquals(5, s.means()[1], 1e-15);
    assertEquals(1, s.scales()[1], 0);
    assertEquals(17.5, s.targetMean(), 1e-12);
    assertEquals(Math.sqrt(18.75), s.targetScale(), 1e-12);
    assertEquals(2, acc.rows());
    assertEquals(4, acc.totalWeight(), 0);
  }

  @Test
  void integerWeightsEqualDuplicatedRows() {
    Random rng = new Random(3);
    Standardization.Accumulator weighted = new Standardization.Accumulator(3);
    Standardization.Accumulator duplicated = new Standardization.Accumulator(3);
    for (int i = 0; i < 50; i++) {
      double[] x = {rng.nextGaussian() * 7 + 1, rng.nextDouble(), 1e4 + rng.nextGaussian()};
      double y = rng.nextGaussian();
      int w = 1 + rng.nextInt(3);
      weighted.add(x, y, w);
      for (int k = 0; k < w; k++) {
        duplicated.add(x, y, 1);
      }
    }
    Standardization a = weighted.build();
    Standardization b = duplicated.build();
    assertArrayEquals(b.means(), a.means(), 1e-10);
    assertArrayEquals(b.scales(), a.scales(), 1e-10);
    assertEquals(b.targetMean(), a.targetMean(), 1e-12);
    assertEquals(b.targetScale(), a.targetScale(), 1e-12);
  }

  @Test
  void emptyAndConstantDataGetUnitScale() {
    Standardization empty = new Standardization.Accumulator(2).build();
    assertArrayEquals(new double[] {0, 0}, empty.means(), 0);
    assertArrayEquals(new double[] {1, 1}, empty.scales(), 0);
    assertEquals(1, empty.targetScale(), 0);
    Standardization.Accumulator acc = new Standardization.Accumulator(1);
    for (int i = 0; i < 10; i++) {
      acc.add(new double[] {1e9 + 0.1}, 42, 1);
    }
    Standardization s = acc.build();
    assertEquals(1, s.scales()[0], 0);
    assertEquals(1, s.targetScale(), 0);
    assertEquals(0, s.standardizeTarget(42), 1e-12);
  }

  @Test
  void standardizeAndTargetRoundTrip() {
    Standardization s = new Standardization(new double[] {1, -2}, new double[] {2, 0.5}, 10, 4);
    assertArrayEquals(new double[] {1, 2}, s.standardize(new double[] {3, -1}, new double[2]),
        1e-15);
    assertEquals(2.5, s.standardizeTarget(20), 1e-15);
    assertEquals(20, s.unstandardizeTarget(2.5), 1e-15);
    assertThrows(IllegalArgumentException.class,
        () -> new Standardization(new double[] {0}, new double[] {0}, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new Standardization(new double[] {0}, new double[] {1}, 0, -1));
  }

  @Test
  void originalUnitsNetworkPredictsTheSame() {
    for (boolean linear : new boolean[] {true, false}) {
      Random rng = new Random(linear ? 11 : 12);
      int p = 5;
      int r = 3;
      double[] mean = new double[p];
      double[] scale = new double[p];
      for (int k = 0; k < p; k++) {
        mean[k] = rng.nextGaussian() * 100;
        scale[k] = Math.exp(rng.nextGaussian() * 3);
      }
      Standardization s = new Standardization(mean, scale, 37.5, 12.25);
      double[] alpha = new double[r];
      double[][] w = new double[r][p];
      for (int j = 0; j < r; j++) {
        alpha[j] = rng.nextGaussian();
        double n = 0;
        for (int k = 0; k < p; k++) {
          w[j][k] = rng.nextGaussian();
          n += w[j][k] * w[j][k];
        }
        for (int k = 0; k < p; k++) {
          w[j][k] /= Math.sqrt(n);
        }
      }
      double[] beta = null;
      if (linear) {
        beta = new double[p];
        for (int k = 0; k < p; k++) {
          beta[k] = rng.nextGaussian();
        }
      }
      QuadraticNetwork std = new QuadraticNetwork(alpha, w, beta, linear ? 0.7 : 0);
      QuadraticNetwork orig = s.toOriginalUnits(std);
      assertNotNull(orig.linearTerm());
      assertEquals(r, orig.hiddenUnits());
      for (int j = 0; j < r; j++) {
        double[] v = orig.hiddenWeights(j);
        assertEquals(1, Linalg.dot(v, v), 1e-12, "unit-norm hidden weights");
      }
      for (int t = 0; t < 20; t++) {
        double[] x = new double[p];
        for (int k = 0; k < p; k++) {
          x[k] = mean[k] + scale[k] * rng.nextGaussian();
        }
        double expected = s.predict(std, x);
        assertEquals(expected, orig.predict(x), 1e-9 * Math.max(1, Math.abs(expected)));
      }
      assertTrue(s.originalUnitsError(std, orig) < 1e-9, "self-check " + s.originalUnitsError(
          std, orig));
    }
  }

  /**
   * The original-units form fails where the standardized network does not: a column at scale
   * 1e-160 squares to an α' beyond the double range, and a column with mean 1e6 and sd 1e-3 loses
   * its spread to cancellation. The self-check sees both.
   */
  @Test
  void originalUnitsSelfCheckFlagsFormsThatDoublesCannotHold() {
    double[] alpha = {1.0};
    double[][] w = {{0.6, 0.8}};
    QuadraticNetwork std = new QuadraticNetwork(alpha, w, new double[] {0.1, 0.2}, 0.3);
    Standardization tiny = new Standardization(new double[] {0, 0}, new double[] {1e-160, 1},
        0, 1);
    assertEquals(Double.POSITIVE_INFINITY, tiny.originalUnitsError(std,
        tiny.toOriginalUnits(std)));
    Standardization offset = new Standardization(new double[] {1e6, 0},
        new double[] {1e-3, 1}, 0, 1);
    assertTrue(offset.originalUnitsError(std, offset.toOriginalUnits(std)) > 1e-6);
    Standardization usual = new Standardization(new double[] {1e3, -2}, new double[] {20, 0.5},
        4, 3);
    assertTrue(usual.originalUnitsError(std, usual.toOriginalUnits(std)) < 1e-10);
  }

  @Test
  void originalUnitsFormulaOnAOneDimensionalExample() {
    // y_std = 2 x_std² + 3 x_std + 1, x_std = (x − 1)/2, y = 5 + 10 y_std
    // => y = 5 + 10 (0.5 (x−1)² + 1.5 (x−1) + 1) = 5x² + 5x + 5
    Standardization s = new Standardization(new double[] {1}, new double[] {2}, 5, 10);
    QuadraticNetwork std = new QuadraticNetwork(new double[] {2}, new double[][] {{1}},
        new double[] {3}, 1);
    QuadraticNetwork orig = s.toOriginalUnits(std);
    assertEquals(5, orig.alpha(0), 1e-12);
    assertEquals(1, Math.abs(orig.hiddenWeights(0)[0]), 1e-15);
    assertEquals(5, orig.linearTerm()[0], 1e-12);
    assertEquals(5, orig.bias(), 1e-12);
  }

  /**
   * A value far larger than the first one (here 1e200 after 1) must not overflow the squares
   * (the unit of the sums is not fixed by the first value): the result is the same whichever
   * row the large value is in (up to the rounding of a different summation order).
   */
  @Test
  void aLateHugeValueGivesTheSameStandardizationAsAnEarlyOne() {
    double[][] rows = {{1, 2}, {1e200, -1.7e308}, {1, 1.7e308}, {1, 3}, {1, 1.7e308}};
    double[] ys = {1, 1e250, 2, 3, 4};
    Standardization first = accumulate(rows, ys, new int[] {1, 0, 2, 3, 4});
    Standardization later = accumulate(rows, ys, new int[] {0, 2, 3, 1, 4});
    for (int j = 0; j < 2; j++) {
      assertEquals(first.means()[j], later.means()[j], 1e-12 * first.scales()[j]);
      assertEquals(first.scales()[j], later.scales()[j], 1e-12 * first.scales()[j]);
    }
    assertEquals(first.targetScale(), later.targetScale(), 1e-12 * first.targetScale());
    assertEquals(2e199, first.means()[0], 1e185);
    assertEquals(4e199, first.scales()[0], 1e186);
    assertTrue(first.targetScale() > 3.9e249 && first.targetScale() < 4.1e249);
    for (double[] row : rows) {
      for (double z : first.standardize(row, new double[2])) {
        assertTrue(Double.isFinite(z) && Math.abs(z) < 3, "standardized " + z);
      }
    }
    assertTrue(Double.isFinite(first.standardizeTarget(1e250)));
  }

  private static Standardization accumulate(double[][] rows, double[] ys, int[] order) {
    Standardization.Accumulator acc = new Standardization.Accumulator(2);
    for (int i : order) {
      acc.add(rows[i], ys[i], 1.0);
    }
    return acc.build();
  }
}
