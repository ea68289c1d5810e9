package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automatic choice of the number of hidden units (-N 0) on planted problems. */
class RankSelectionTest {

  private static SolverSettings base() {
    return PlantedProblem.singleRun().rank(3).seed(2).maxIterations(60);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3, 5})
  void automaticRankFindsThePlantedRank(int r) {
    PlantedProblem pp = PlantedProblem.spec().p(20).r(r).m(2000).noise(0.1).linear(true)
        .seed(19).build();
    RankSelection.Choice choice = InMemoryFit.chooseRank(pp.data,
        PlantedProblem.singleRun().seed(1), 10);
    assertEquals(r, choice.rank, java.util.Arrays.toString(choice.validationRmse));
    // a rank below the truth leaves a whole unit unexplained
    if (r > 1) {
      assertTrue(choice.validationRmse[r - 2] > 2 * choice.validationRmse[r - 1]);
    }
  }
}
