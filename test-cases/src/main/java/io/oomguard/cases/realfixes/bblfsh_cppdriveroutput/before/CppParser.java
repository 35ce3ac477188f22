package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.before;

/** Parses one source file into the full AST (Eclipse CDT in the driver; reduced). */
class CppParser {
  AstNode parseCPP(String source) {
    AstNode unit = new AstNode("TranslationUnit", null, 1);
    String[] lines = source.split("\n");
    for (int i = 0; i < lines.length; i++) {
      unit.children.add(new AstNode("Line", lines[i], i + 1));
    }
    return unit;
  }
}
