/*
 * Drives the real Weka Explorer (Swing, in this JVM) as a user would, and saves screenshots:
 * loads an ARFF file, chooses weka.classifiers.functions.PolynomialNetwork in the Classify panel's
 * class chooser, opens its property sheet, runs it (10-fold cross-validation), opens the
 * result-list popup -> Plugins -> "PolynomialNetwork: network and training curve", and captures
 * each step with java.awt.Robot. Needs a display (scripts/explorer-screenshots.sh runs it under
 * Xvfb) and the polynomialNetwork package installed in $WEKA_HOME; it refers to our classes by
 * name only, so they come from the package, as in a user's Weka.
 *
 * Usage: java -cp <weka>:<this> ExplorerScreenshots <output dir> <data.arff> [upTo]
 *   upTo = "output" stops after the trained model's output (CI); default: everything.
 * Exit status 0 only if every step worked; the model output is written to <output dir>/output.txt.
 */
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.MenuElement;
import javax.swing.MenuSelectionManager;
import javax.swing.SwingUtilities;
import javax.swing.tree.TreeModel;
import javax.swing.tree.TreePath;

import weka.core.Instances;
import weka.core.WekaPackageManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.PropertyPanel;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.Explorer;

public class ExplorerScreenshots {

  static final String CLASSIFIER = "weka.classifiers.functions.PolynomialNetwork";
  static final String PLUGIN_ITEM = "PolynomialNetwork: network and training curve";

  static File out;
  static Robot robot;
  static JFrame frame;
  static Explorer explorer;

  public static void main(String[] args) throws Exception {
    out = new File(args[0]);
    out.mkdirs();
    String arff = args[1];
    boolean all = args.length < 3 || !args[2].equals("output");
    long t0 = System.currentTimeMillis();
    try {
      run(arff, all);
      log("ALL STEPS PASSED in " + (System.currentTimeMillis() - t0) / 1000 + " s");
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      try {
        shot("failure");
      } catch (Throwable ignored) {
        // no display left
      }
      log("FAILED: " + e);
      System.exit(1);
    }
  }

  static void run(String arff, boolean all) throws Exception {
    robot = new Robot();
    log("loading packages from WEKA_HOME=" + WekaPackageManager.WEKA_HOME);
    WekaPackageManager.loadPackages(false);
    weka.gui.LookAndFeel.setLookAndFeel();
    GenericObjectEditor.determineClasses();

    onEdt(() -> {
      explorer = new Explorer();
      frame = new JFrame("Weka Explorer");
      frame.getContentPane().add(explorer);
      frame.setSize(1200, 820);
      frame.setLocation(0, 0);
      frame.setVisible(true);
      return null;
    });
    pause(1500);

    // 1. Preprocess: the data set
    final Instances data = DataSource.read(arff);
    onEdt(() -> {
      explorer.getPreprocessPanel().setInstances(data);
      return null;
    });
    pause(1500);
    shot("01-preprocess-cpu");

    // 2. Classify tab, Choose -> the class tree -> functions -> PolynomialNetwork
    final ClassifierPanel cp = onEdt(() -> {
      JTabbedPane tabs = explorer.getTabbedPane();
      for (int i = 0; i < tabs.getTabCount(); i++) {
        if (tabs.getTitleAt(i).equals("Classify")) {
          tabs.setSelectedIndex(i);
        }
      }
      for (Object p : explorer.getPanels()) {
        if (p instanceof ClassifierPanel) {
          return (ClassifierPanel) p;
        }
      }
      throw new IllegalStateException("no Classify panel");
    });
    pause(800);
    final JButton choose = onEdt(() -> (JButton) find(cp, c -> c instanceof JButton
        && "Choose".equals(((JButton) c).getText())));
    onEdt(() -> {
      choose.doClick();
      return null;
    });
    pause(1200);
    final JTree tree = onEdt(() -> {
      for (Window w : Window.getWindows()) {
        Component t = find(w, c -> c instanceof JTree && c.isShowing());
        if (t != null) {
          return (JTree) t;
        }
      }
      throw new IllegalStateException("the class chooser tree did not open");
    });
    onEdt(() -> {
      TreePath path = pathTo(tree, CLASSIFIER.split("\\."));
      if (path == null) {
        throw new IllegalStateException(CLASSIFIER + " is not in the class chooser tree");
      }
      tree.expandPath(path.getParentPath());
      tree.scrollPathToVisible(path);
      tree.setSelectionPath(path); // as a click: the editor switches to the class
      return null;
    });
    pause(1200);
    shot("02-choose-polynomialnetwork");
    onEdt(() -> {
      for (JPopupMenu p : popups()) {
        p.setVisible(false);
      }
      return null;
    });
    pause(500);
    GenericObjectEditor editor = (GenericObjectEditor) field(cp, "m_ClassifierEditor");
    String chosen = onEdt(() -> editor.getValue().getClass().getName());
    if (!chosen.equals(CLASSIFIER)) {
      throw new IllegalStateException("the chooser selected " + chosen);
    }
    log("chosen in the tree: " + chosen + " (loaded by "
        + editor.getValue().getClass().getClassLoader().getClass().getSimpleName() + ")");

    // 3. its property sheet (every property, More, Capabilities)
    final PropertyPanel cePanel = (PropertyPanel) field(cp, "m_CEPanel");
    // (the dialog is modal: open it later on the event thread, not inside invokeAndWait)
    SwingUtilities.invokeLater(cePanel::showPropertyDialog);
    pause(1500);
    shot("03-property-sheet");
    onEdt(() -> {
      for (Window w : Window.getWindows()) {
        if (w != frame && w.isShowing() && w instanceof java.awt.Dialog) {
          w.dispose();
        }
      }
      return null;
    });
    pause(500);

    // 4. Start (10-fold cross-validation, the default test option) and wait for the output
    final JButton start = (JButton) field(cp, "m_StartBut");
    onEdt(() -> {
      start.doClick();
      return null;
    });
    long deadline = System.currentTimeMillis() + 120_000;
    pause(1000);
    while (field(cp, "m_RunThread") != null) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("training did not finish within 120 s");
      }
      pause(300);
    }
    pause(800);
    final JTextArea text = (JTextArea) field(cp, "m_OutText");
    String output = onEdt(() -> {
      text.setCaretPosition(0);
      return text.getText();
    });
    Files.write(new File(out, "output.txt").toPath(), output.getBytes(StandardCharsets.UTF_8));
    for (String expected : new String[] {"Scheme:       " + CLASSIFIER, "PolynomialNetwork\n",
        "unit 1: alpha = ", "=== Cross-validation ===", "Root relative squared error"}) {
      if (!output.contains(expected)) {
        throw new IllegalStateException("the output lacks '" + expected.trim() + "'");
      }
    }
    log("MODEL OUTPUT OK: " + output.split("\n").length + " lines; "
        + line(output, "Correlation coefficient") + "; " + line(output, "Root relative squared"));
    onEdt(() -> {
      // show the model part of the output rather than the run information
      int at = text.getText().indexOf("=== Classifier model (full training set) ===");
      text.setCaretPosition(at < 0 ? 0 : at);
      return null;
    });
    pause(800);
    shot("04-model-output");
    if (!all) {
      return;
    }

    // 5. right click on the result -> Plugins -> our item
    final String result = onEdt(() -> {
      weka.gui.ResultHistoryPanel h = (weka.gui.ResultHistoryPanel) field(cp, "m_History");
      String name = h.getNameAtIndex(0);
      h.setSelectedListValue(name);
      Method vis = ClassifierPanel.class.getDeclaredMethod("visualize", List.class, int.class,
          int.class);
      vis.setAccessible(true);
      vis.invoke(cp, Collections.singletonList(name), 40, 10);
      return name;
    });
    pause(800);
    final JMenuItem item = onEdt(() -> {
      JPopupMenu menu = popups().get(0);
      JMenu plugins = null;
      for (Component c : menu.getComponents()) {
        if (c instanceof JMenu && "Plugins".equals(((JMenu) c).getText())) {
          plugins = (JMenu) c;
        }
      }
      if (plugins == null) {
        throw new IllegalStateException("no Plugins submenu in the result-list popup");
      }
      MenuSelectionManager.defaultManager().setSelectedPath(new MenuElement[] {menu, plugins,
          plugins.getPopupMenu()});
      for (Component c : plugins.getMenuComponents()) {
        if (c instanceof JMenuItem && PLUGIN_ITEM.equals(((JMenuItem) c).getText())) {
          return (JMenuItem) c;
        }
      }
      throw new IllegalStateException("no '" + PLUGIN_ITEM + "' under Plugins");
    });
    pause(1000);
    shot("05-result-popup-plugins");
    if (!onEdt(item::isEnabled)) {
      throw new IllegalStateException("the plugin item is disabled for " + result);
    }
    onEdt(() -> {
      MenuSelectionManager.defaultManager().clearSelectedPath();
      item.doClick();
      return null;
    });
    pause(1500);
    final Frame picture = onEdt(() -> {
      for (Frame f : Frame.getFrames()) {
        if (f.isShowing() && f.getTitle().startsWith("PolynomialNetwork picture")) {
          f.setLocation(60, 60);
          return f;
        }
      }
      throw new IllegalStateException("the picture window did not open");
    });
    pause(1200);
    shot("06-picture-over-explorer");
    Rectangle r = onEdt(picture::getBounds);
    ImageIO.write(robot.createScreenCapture(r), "png", new File(out, "07-picture-window.png"));
    log("saved 07-picture-window.png (" + r.width + " x " + r.height + ")");
  }

  // ----------------------------------------------------------------------------- helpers

  interface Test {
    boolean ok(Component c);
  }

  static Component find(Component root, Test t) {
    if (t.ok(root)) {
      return root;
    }
    if (root instanceof Container) {
      for (Component c : ((Container) root).getComponents()) {
        Component f = find(c, t);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  static List<JPopupMenu> popups() {
    List<JPopupMenu> found = new ArrayList<>();
    for (Window w : Window.getWindows()) {
      collect(w, found);
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no popup menu is showing");
    }
    return found;
  }

  static void collect(Component c, List<JPopupMenu> found) {
    if (c instanceof JPopupMenu && c.isShowing()) {
      found.add((JPopupMenu) c);
    }
    if (c instanceof Container) {
      for (Component k : ((Container) c).getComponents()) {
        collect(k, found);
      }
    }
  }

  static TreePath pathTo(JTree tree, String[] parts) {
    TreeModel m = tree.getModel();
    Object node = m.getRoot();
    List<Object> path = new ArrayList<>();
    path.add(node);
    int i = node.toString().equals(parts[0]) ? 1 : 0;
    for (; i < parts.length; i++) {
      Object next = null;
      for (int k = 0; k < m.getChildCount(node); k++) {
        if (m.getChild(node, k).toString().equals(parts[i])) {
          next = m.getChild(node, k);
        }
      }
      if (next == null) {
        return null;
      }
      path.add(next);
      node = next;
    }
    return new TreePath(path.toArray());
  }

  static Object field(Object o, String name) throws Exception {
    Class<?> c = o.getClass();
    while (c != null) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
      } catch (NoSuchFieldException e) {
        c = c.getSuperclass();
      }
    }
    throw new NoSuchFieldException(name);
  }

  static <T> T onEdt(Callable<T> task) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> error = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      try {
        result.set(task.call());
      } catch (Exception e) {
        error.set(e);
      }
    });
    if (error.get() != null) {
      throw error.get();
    }
    return result.get();
  }

  static void shot(String name) throws Exception {
    robot.waitForIdle();
    Dimension d = Toolkit.getDefaultToolkit().getScreenSize();
    File f = new File(out, name + ".png");
    ImageIO.write(robot.createScreenCapture(new Rectangle(d)), "png", f);
    log("saved " + f.getName());
  }

  static String line(String text, String start) {
    for (String l : text.split("\n")) {
      if (l.startsWith(start)) {
        return l.replaceAll("\\s+", " ").trim();
      }
    }
    return "(no " + start + ")";
  }

  static void pause(long ms) throws InterruptedException {
    Thread.sleep(ms);
  }

  static void log(String s) {
    System.out.println("[explorer-screenshots] " + s);
  }
}
