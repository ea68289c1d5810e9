package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.PlantedProblem;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings validation: invalid values are refused, naming the option. */
class SolverSettingsTest {

  private static SolverSettings base() {
    return PlantedProblem.singleRun().rank(3).seed(2).maxIterations(60);
  }

  @Test
  void invalidSettingsAreRejectedWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PlantedProblem.singleRun().rank(-1));
    assertTrue(e.getMessage().contains("hidden units"));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().tolerance(-1));
    assertThrows(IllegalArgumentException.class,
        () -> PlantedProblem.singleRun().tolerance(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().maxIterations(-1));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().blockSize(-2));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().krylovDepth(-2));
    assertThrows(IllegalArgumentException.class, () -> PlantedProblem.singleRun().threads(-1));
  }
}
