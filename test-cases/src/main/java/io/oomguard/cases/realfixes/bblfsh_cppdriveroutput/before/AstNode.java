package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.before;

import java.util.ArrayList;
import java.util.List;

/** A node of the C++ AST the driver returns (reduced from the Eclipse CDT translation unit). */
public class AstNode {
  public String type;
  public String token;
  public int line;
  public List<AstNode> children = new ArrayList<>();

  public AstNode(String type, String token, int line) {
    this.type = type;
    this.token = token;
    this.line = line;
  }
}
