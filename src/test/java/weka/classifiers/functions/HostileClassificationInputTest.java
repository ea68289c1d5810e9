package weka.classifiers.functions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs for a nominal class ({@link HostileClassificationInput#cases()}): degenerate
 * class distributions, separable and contradictory data, extreme values, weights, tiny and wide
 * data, options at their limits, unseen values, persistence and determinism. Each case ends in a
 * refusal naming what is at fault, or in a model whose every distribution is finite, in [0, 1]
 * and sums to 1, the data unchanged; each is bounded by {@link HostileInput#CASE_TIMEOUT}.
 */
class HostileClassificationInputTest {

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("weka.classifiers.functions.HostileClassificationInput#cases")
  void hostileClassification(HostileInput.Case c) throws Exception {
    HostileInput.run(c);
  }

  /** The harness's counters when this table started (other tables may run in this JVM). */
  private static int firstOutcome;
  private static int models0;
  private static int refusals0;
  private static int predictions0;

  @BeforeAll
  static void start() {
    firstOutcome = HostileInput.outcomes.size();
    models0 = HostileInput.models;
    refusals0 = HostileInput.refusals;
    predictions0 = HostileInput.predictions;
  }

  @AfterAll
  static void summary() throws Exception {
    for (String outcome : HostileInput.outcomes.subList(firstOutcome,
      HostileInput.outcomes.size())) {
      System.out.println("hostile classification | " + outcome);
    }
    System.out.println("HostileClassificationInputTest: "
      + HostileClassificationInput.cases().count() + " cases; " + (HostileInput.models - models0)
      + " models built, " + (HostileInput.refusals - refusals0) + " refusals checked, "
      + (HostileInput.predictions - predictions0) + " distributions checked");
  }
}
