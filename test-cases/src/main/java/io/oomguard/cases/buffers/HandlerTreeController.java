package io.oomguard.cases.buffers;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller walking a tree of handlers, the way Jetty's {@code Handler.Container} collects its
 * descendants. Lists of references are out of this check's scope: growing one wastes at most about
 * its own size, which the tree already holds.
 */
@RestController
public class HandlerTreeController {
  public interface Node {
    String name();

    boolean visible();

    List<Node> children();
  }

  private final Node root;

  public HandlerTreeController(Node root) {
    this.root = root;
  }

  // Quiet: `addAll` of a sub-walk per child, under a condition.
  @GetMapping("/handlers/{name}")
  public List<Node> descendants(@PathVariable String name) {
    List<Node> found = new ArrayList<>();
    for (Node child : root.children()) {
      if (child.visible() && child.name().startsWith(name)) {
        found.addAll(child.children());
      }
    }
    return found;
  }

  // Quiet: a list filled with references the tree holds, once and per child.
  @GetMapping("/handlers")
  public List<Node> all() {
    List<Node> all = new ArrayList<>();
    List<Node> top = new ArrayList<>();
    top.addAll(root.children());
    for (Node node : top) {
      if (node.visible()) {
        all.add(node);
      }
    }
    return all;
  }
}
