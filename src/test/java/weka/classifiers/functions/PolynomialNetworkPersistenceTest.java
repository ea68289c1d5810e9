package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Persistence: a serialization round trip predicts bit for bit, for every solver and for the
 * constant model; a model serialized by version 0.1.0 (kept in {@code src/test/resources/models},
 * written by {@link ReferenceModel}) still loads and reproduces its stored predictions bit for
 * bit; every serializable class of the model declares a pinned serialVersionUID. (The round trip
 * across JVMs, through Weka's {@code -d}/{@code -l}, is in {@code scripts/e2e-package.sh}.)
 */
class PolynomialNetworkPersistenceTest {

  static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  static Object deserialize(byte[] bytes) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  static void assertSamePredictions(PolynomialNetwork a, PolynomialNetwork b, Instances data)
    throws Exception {
    List<Instance> points = HostileInput.newPoints(data, 10, 4);
    for (Instance inst : data) {
      points.add(inst);
    }
    for (Instance inst : points) {
      assertEquals(Double.doubleToRawLongBits(a.classifyInstance(inst)),
        Double.doubleToRawLongBits(b.classifyInstance(inst)), "prediction for " + inst);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-solver EP-ROM -step unit", "-solver AP-ROM-BK -no-linear",
    "-N 0", "-fresh-sampling -clip -1", "-validation 0 -I 5"})
  void roundTripPredictsBitForBit(String options) throws Exception {
    Instances data = HostileInput.mixed(300, 21);
    data.instance(3).setMissing(0);
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(Utils.splitOptions(options));
    pn.buildClassifier(data);
    PolynomialNetwork back = (PolynomialNetwork) deserialize(serialize(pn));
    assertSamePredictions(pn, back, data);
    assertEquals(pn.toString(), back.toString());
    assertArrayEquals(pn.getOptions(), back.getOptions());
    // and once more: a loaded model saves and loads again
    PolynomialNetwork again = (PolynomialNetwork) deserialize(serialize(back));
    assertSamePredictions(pn, again, data);
    // Weka's own helper (what -d / -l use)
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, pn);
    PolynomialNetwork viaWeka = (PolynomialNetwork) SerializationHelper.read(
      new ByteArrayInputStream(bytes.toByteArray()));
    assertSamePredictions(pn, viaWeka, data);
  }

  @Test
  void constantAndUntrainedModelsRoundTrip() throws Exception {
    Instances data = HostileInput.mixed(20, 22);
    PolynomialNetwork constant = new PolynomialNetwork();
    constant.buildClassifier(new Instances(data, 0));
    PolynomialNetwork back = (PolynomialNetwork) deserialize(serialize(constant));
    assertSamePredictions(constant, back, data);
    PolynomialNetwork untrained = (PolynomialNetwork) deserialize(serialize(
      new PolynomialNetwork()));
    assertEquals("PolynomialNetwork: No model built yet.", untrained.toString());
  }

  /** The model saved by version 0.1.0 loads and predicts exactly what it predicted then. */
  @Test
  void modelSavedByVersion010LoadsAndPredictsItsStoredPredictions() throws Exception {
    Instances train = ReferenceModel.readResource(ReferenceModel.PREFIX + "-train.arff");
    Instances test = ReferenceModel.readResource(ReferenceModel.PREFIX + "-test.arff");
    List<Long> stored = ReferenceModel.readPredictions();
    assertEquals(test.numInstances(), stored.size());
    PolynomialNetwork pn;
    try (InputStream in = getClass().getResourceAsStream(ReferenceModel.FOLDER
      + ReferenceModel.PREFIX + ".model")) {
      pn = (PolynomialNetwork) SerializationHelper.read(in);
    }
    for (int i = 0; i < test.numInstances(); i++) {
      double y = pn.classifyInstance(test.instance(i));
      assertEquals((long) stored.get(i), Double.doubleToRawLongBits(y), "test instance "
        + (i + 1) + ": stored " + Double.longBitsToDouble(stored.get(i)) + ", now " + y
        + ". A model saved by 0.1.0 must predict the same in later versions; if the "
        + "prediction arithmetic changed on purpose, say so and add a new fixture with "
        + "ReferenceModel rather than overwriting this one.");
    }
    // options added after 0.1.0 read back as what 0.1.0 did, and a default changed since (-tol,
    // 1e-10 then) keeps the value the model was trained with
    String then010 = ReferenceModel.OPTIONS
      + " -validation-runs 1 -ridge 0 -activation-margin -1 -tol 1e-10 -head-steps 0";
    PolynomialNetwork fresh = new PolynomialNetwork();
    fresh.setOptions(Utils.splitOptions(then010));
    assertArrayEquals(fresh.getOptions(), pn.getOptions(), "options of the loaded model");
    assertTrue(pn.toString().contains("Hidden units (rank r): 2"), pn.toString());
    // a model trained now on the same data with the same options agrees closely (not
    // necessarily bit for bit: the engine's summation order may change between versions)
    PolynomialNetwork now = new PolynomialNetwork();
    now.setOptions(Utils.splitOptions(then010));
    now.buildClassifier(train);
    for (int i = 0; i < test.numInstances(); i++) {
      double then = Double.longBitsToDouble(stored.get(i));
      assertEquals(then, now.classifyInstance(test.instance(i)), 1e-6 * Math.max(1,
        Math.abs(then)), "retrained model, test instance " + (i + 1));
    }
  }

  /** Pinned serialVersionUIDs: changing one makes every saved model unreadable. */
  static final Map<String, Long> PINNED = new LinkedHashMap<String, Long>();
  static {
    PINNED.put("weka.classifiers.functions.PolynomialNetwork", -4417024316853398211L);
    PINNED.put("polynomialnetwork.weka.InstancesConverter", 1L);
    PINNED.put("polynomialnetwork.weka.NetworkReport$FitSummary", 1L);
    PINNED.put("polynomialnetwork.engine.QuadraticNetwork", 1L);
    PINNED.put("polynomialnetwork.engine.Standardization", 1L);
    PINNED.put("polynomialnetwork.weka.TrainingCurve", 1L);
    PINNED.put("polynomialnetwork.weka.NominalClassModel", 1L);
    PINNED.put("polynomialnetwork.engine.ClassificationNetwork", 1L);
  }

  /**
   * Every class serialized with a trained model (for each solver and -N 0) that is ours declares
   * its own {@code private static final long serialVersionUID}, with the pinned value; the Weka
   * classes in the graph (filters, headers) are listed for information.
   */
  @Test
  void everySerializableClassOfTheModelDeclaresAPinnedSerialVersionUid() throws Exception {
    final Set<String> ours = new TreeSet<String>();
    final Set<String> others = new TreeSet<String>();
    Instances data = HostileInput.mixed(200, 23);
    data.instance(0).setMissing(3);
    Instances nominal = PolynomialNetworkClassificationTest.instances(
      polynomialnetwork.engine.PlantedClassification.of(5, 2, 300, 10, 3, 2, true, false, 3)
        .train, 3, 3);
    for (String options : new String[] {"", "-solver EP-ROM", "-solver AP-ROM-BK", "-N 0",
      "nominal"}) {
      PolynomialNetwork pn = new PolynomialNetwork();
      pn.setOptions(Utils.splitOptions(options.equals("nominal") ? "" : options));
      pn.buildClassifier(options.equals("nominal") ? nominal : data);
      try (ObjectOutputStream out = new ObjectOutputStream(new OutputStream() {
        @Override
        public void write(int b) {
        }
      }) {
        {
          enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
          for (Class<?> c = obj.getClass(); c != null && Serializable.class.isAssignableFrom(c);
            c = c.getSuperclass()) {
            String n = c.getName();
            if (n.startsWith("polynomialnetwork.")
              || n.equals("weka.classifiers.functions.PolynomialNetwork")) {
              ours.add(n);
            } else if (!c.isArray() && !n.startsWith("java.")) {
              others.add(n);
            }
          }
          return obj;
        }
      }) {
        out.writeObject(pn);
      }
    }
    System.out.println("Serialized with the model, ours: " + ours + "; Weka's: " + others);
    assertTrue(ours.containsAll(PINNED.keySet()), "expected " + PINNED.keySet() + " in " + ours);
    for (String name : ours) {
      Class<?> c = Class.forName(name);
      Field f = c.getDeclaredField("serialVersionUID");
      int mod = f.getModifiers();
      assertTrue(Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == long.class,
        name + ": serialVersionUID must be static final long");
      assertTrue(PINNED.containsKey(name), name + " is serialized with the model: pin its "
        + "serialVersionUID here");
      assertEquals((long) PINNED.get(name), ObjectStreamClass.lookup(c).getSerialVersionUID(),
        name + ": serialVersionUID changed; saved models would no longer load");
    }
    assertFalse(ours.contains("polynomialnetwork.engine.data.DesignMatrix"),
      "the training data must not be kept in the model");
  }
}
