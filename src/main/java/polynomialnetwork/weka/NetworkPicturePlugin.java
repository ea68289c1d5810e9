package polynomialnetwork.weka;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.event.AncestorEvent;
import javax.swing.event.AncestorListener;

import weka.classifiers.evaluation.Prediction;
import weka.core.Attribute;
import weka.gui.ResultHistoryPanel;
import weka.gui.visualize.plugins.VisualizePlugin;

/**
 * Explorer plugin: adds "PolynomialNetwork: network and training curve" to the Plugins submenu
 * of the Classify panel's result-list popup (right click on a result). It opens a window with
 * {@link NetworkPicture} of the model of that result.
 *
 * <p>Weka 3.8's visualize plugins receive only the predictions, not the model, so the menu item
 * finds the model itself: the popup was shown on the result list, whose
 * {@link ResultHistoryPanel} holds, for the selected result, the list of objects the Classify
 * panel stored (the trained classifier among them). The item is disabled when that result is
 * not a PolynomialNetwork (e.g. a cross-validation run keeps the model trained on all data, so
 * it works for every evaluation mode).
 *
 * <p>Registered in the package's {@code PluginManager.props} under
 * {@code weka.gui.visualize.plugins.VisualizePlugin}.
 */
public class NetworkPicturePlugin implements VisualizePlugin {

  /** The text of the menu item. */
  public static final String MENU_TEXT = "PolynomialNetwork: network and training curve";

  @Override
  public JMenuItem getVisualizeMenuItem(ArrayList<Prediction> preds, Attribute classAtt) {
    if (classAtt != null && !classAtt.isNumeric()) {
      return null; // PolynomialNetwork is a regressor
    }
    final JMenuItem item = new JMenuItem(MENU_TEXT);
    item.addAncestorListener(new AncestorListener() {
      @Override
      public void ancestorAdded(AncestorEvent event) {
        boolean ours = findModel(item) != null;
        item.setEnabled(ours);
        item.setToolTipText(ours ? "Shows the hidden units ordered by |alpha|, their weights "
            + "per attribute and the training RMSE per iteration"
            : "The selected result is not a DrawableNetwork model");
      }

      @Override
      public void ancestorRemoved(AncestorEvent event) {
      }

      @Override
      public void ancestorMoved(AncestorEvent event) {
      }
    });
    item.addActionListener(e -> {
      DrawableNetwork model = findModel(item);
      if (model == null) {
        JOptionPane.showMessageDialog(null, "The selected result has no DrawableNetwork model.",
            "PolynomialNetwork", JOptionPane.INFORMATION_MESSAGE);
        return;
      }
      show(model, resultName(item));
    });
    return item;
  }

  /**
   * Opens a window with the picture of a model.
   *
   * @param model the trained classifier
   * @param title the result's name (for the window title), or null
   * @return the window
   */
  public static JFrame show(final DrawableNetwork model, String title) {
    final JFrame frame = new JFrame("PolynomialNetwork picture" + (title == null ? ""
        : " - " + title));
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    final JPanel canvas = new JPanel() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        NetworkPicture.paint((Graphics2D) g, model, getWidth(), getHeight());
      }
    };
    canvas.setName("NetworkPicture");
    canvas.setPreferredSize(new Dimension(1100, 640));
    JButton save = new JButton("Save as PNG...");
    save.addActionListener(e -> {
      JFileChooser chooser = new JFileChooser();
      chooser.setSelectedFile(new File("polynomial-network.png"));
      if (chooser.showSaveDialog(frame) == JFileChooser.APPROVE_OPTION) {
        try {
          ImageIO.write(NetworkPicture.render(model, canvas.getWidth(), canvas.getHeight()),
              "png", chooser.getSelectedFile());
        } catch (Exception ex) {
          JOptionPane.showMessageDialog(frame, "Could not write the image: " + ex.getMessage(),
              "PolynomialNetwork", JOptionPane.ERROR_MESSAGE);
        }
      }
    });
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
    buttons.add(save);
    frame.getContentPane().setLayout(new BorderLayout());
    frame.getContentPane().add(canvas, BorderLayout.CENTER);
    frame.getContentPane().add(buttons, BorderLayout.SOUTH);
    frame.pack();
    frame.setLocationByPlatform(true);
    frame.setVisible(true);
    return frame;
  }

  /** The result list the popup menu holding this item was shown on, or null. */
  static ResultHistoryPanel historyPanel(Component item) {
    Component c = item;
    for (int guard = 0; c != null && guard < 20; guard++) {
      if (c instanceof ResultHistoryPanel) {
        return (ResultHistoryPanel) c;
      }
      if (c instanceof JPopupMenu) {
        c = ((JPopupMenu) c).getInvoker();
      } else {
        c = c.getParent();
      }
    }
    return c == null ? null
        : (ResultHistoryPanel) SwingUtilities.getAncestorOfClass(ResultHistoryPanel.class, c);
  }

  /** The PolynomialNetwork of the selected result, or null. */
  static DrawableNetwork findModel(Component item) {
    ResultHistoryPanel history = historyPanel(item);
    if (history == null) {
      return null;
    }
    Object stored = history.getSelectedObject();
    if (stored instanceof List<?>) {
      for (Object o : (List<?>) stored) {
        if (o instanceof DrawableNetwork) {
          return (DrawableNetwork) o;
        }
      }
    }
    return stored instanceof DrawableNetwork ? (DrawableNetwork) stored : null;
  }

  private static String resultName(Component item) {
    ResultHistoryPanel history = historyPanel(item);
    return history == null ? null : history.getSelectedName();
  }

  @Override
  public String getMinVersion() {
    return "3.8.0";
  }

  @Override
  public String getMaxVersion() {
    return "3.9.0";
  }

  @Override
  public String getDesignVersion() {
    return "3.8.6";
  }
}
