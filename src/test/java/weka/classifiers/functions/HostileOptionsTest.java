package weka.classifiers.functions;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile option values, one table ({@link HostileInput#optionCases()}): zero, negative, huge
 * and non-numeric values of every option are refused with a message naming the option and the
 * value, or give a model with finite predictions.
 */
class HostileOptionsTest {

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void hostileOption(HostileInput.Case c) throws Exception {
    HostileInput.run(c);
  }

  static Stream<HostileInput.Case> cases() throws Exception {
    return HostileInput.optionCases();
  }
}
