package io.oomguard.maven.index;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module's types as declared in source, and the name resolution a call graph needs: imports,
 * same-package and nested types, fields, supertypes. No classpath: names outside the module resolve
 * through imports to their qualified name, or stay simple.
 */
final class SourceTypes {
  /** A type declared in the module. */
  static final class SourceType {
    final String binaryName;
    final String canonicalName;
    final String simpleName;
    final TypeDeclaration<?> declaration;
    final FileScope file;
    final SourceType enclosing;
    final List<String> supertypes = new ArrayList<>();
    final Map<String, String> fieldTypes = new HashMap<>();
    final List<SourceMethod> methods = new ArrayList<>();
    final Map<String, String> typeParameterBounds = new HashMap<>();

    SourceType(TypeDeclaration<?> declaration, FileScope file, SourceType enclosing) {
      this.declaration = declaration;
      this.file = file;
      this.enclosing = enclosing;
      this.simpleName = declaration.getNameAsString();
      String prefix = enclosing != null ? enclosing.binaryName + "$" : file.packagePrefix();
      this.binaryName = prefix + simpleName;
      this.canonicalName =
          (enclosing != null ? enclosing.canonicalName + "." : file.packagePrefix()) + simpleName;
    }

    boolean isInterfaceOrAbstract() {
      return declaration instanceof ClassOrInterfaceDeclaration type
          && (type.isInterface() || type.isAbstract());
    }
  }

  /** A method or constructor declared in the module. */
  static final class SourceMethod {
    final SourceType owner;
    final CallableDeclaration<?> declaration;
    final String name;
    final List<String> parameterKeyTypes;
    final List<String> parameterTypes = new ArrayList<>();
    final boolean varargs;

    SourceMethod(SourceType owner, CallableDeclaration<?> declaration, List<String> keyTypes) {
      this.owner = owner;
      this.declaration = declaration;
      this.name =
          declaration instanceof ConstructorDeclaration ? "<init>" : declaration.getNameAsString();
      this.parameterKeyTypes = keyTypes;
      this.varargs =
          !declaration.getParameters().isEmpty()
              && declaration.getParameters().getLast().map(Parameter::isVarArgs).orElse(false);
    }

    boolean isStatic() {
      return declaration.isStatic();
    }

    boolean acceptsArity(int arity) {
      int declared = declaration.getParameters().size();
      return varargs ? arity >= declared - 1 : arity == declared;
    }

    /** The way findings name it: {@code Owner.method}, constructors {@code Owner.Owner}. */
    String displayName() {
      return owner.simpleName
          + "."
          + (declaration instanceof ConstructorDeclaration ? owner.simpleName : name);
    }

    String returnType() {
      return declaration instanceof MethodDeclaration method
          ? resolveIn(owner, method.getType())
          : owner.binaryName;
    }

    private static String resolveIn(SourceType owner, Type type) {
      return owner.file.types.resolve(type, owner);
    }
  }

  /** What a source file says about names: its package and imports. */
  static final class FileScope {
    final String packageName;
    final Map<String, String> singleImports = new HashMap<>();
    final List<String> onDemandImports = new ArrayList<>();
    final Map<String, String> staticSingleImports = new HashMap<>();
    final List<String> staticOnDemandImports = new ArrayList<>();
    final SourceTypes types;

    /** The file's method bodies that {@link LazyBodies#strip} took out, in placeholder order. */
    final List<String> bodies;

    FileScope(CompilationUnit unit, SourceTypes types, List<String> bodies) {
      this.types = types;
      this.bodies = bodies;
      this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
      for (ImportDeclaration declaration : unit.getImports()) {
        String name = declaration.getNameAsString();
        if (declaration.isStatic()) {
          if (declaration.isAsterisk()) {
            staticOnDemandImports.add(name);
          } else {
            staticSingleImports.put(
                name.substring(name.lastIndexOf('.') + 1),
                name.substring(0, name.lastIndexOf('.')));
          }
        } else if (declaration.isAsterisk()) {
          onDemandImports.add(name);
        } else {
          singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
        }
      }
    }

    String packagePrefix() {
      return packageName.isEmpty() ? "" : packageName + ".";
    }
  }

  private final Map<String, SourceType> byCanonicalName = new LinkedHashMap<>();
  private final Map<String, SourceType> byBinaryName = new LinkedHashMap<>();
  private final LazyBodies bodies;

  SourceTypes(LazyBodies bodies) {
    this.bodies = bodies;
  }

  /** Where the bodies of methods parsed as a {@link LazyBodies.Skeleton} come from. */
  LazyBodies bodies() {
    return bodies;
  }

  /**
   * Adds every type of a parsed file, nested ones included; {@code bodies} are the method bodies
   * stripped from it (none when it was parsed whole).
   */
  void add(CompilationUnit unit, List<String> bodies) {
    FileScope file = new FileScope(unit, this, bodies);
    for (TypeDeclaration<?> type : unit.getTypes()) {
      addType(type, file, null);
    }
  }

  private void addType(TypeDeclaration<?> declaration, FileScope file, SourceType enclosing) {
    SourceType type = new SourceType(declaration, file, enclosing);
    byCanonicalName.put(type.canonicalName, type);
    byBinaryName.put(type.binaryName, type);
    for (BodyDeclaration<?> member : declaration.getMembers()) {
      if (member instanceof TypeDeclaration<?> nested) {
        addType(nested, file, type);
      }
    }
  }

  /** Resolves supertypes, fields and methods once every type is known. */
  void link() {
    for (SourceType type : byBinaryName.values()) {
      if (type.declaration instanceof ClassOrInterfaceDeclaration declaration) {
        for (TypeParameter parameter : declaration.getTypeParameters()) {
          type.typeParameterBounds.put(parameter.getNameAsString(), boundOf(parameter));
        }
        declaration.getExtendedTypes().forEach(t -> type.supertypes.add(resolve(t, type)));
        declaration.getImplementedTypes().forEach(t -> type.supertypes.add(resolve(t, type)));
      } else if (type.declaration instanceof EnumDeclaration declaration) {
        declaration.getImplementedTypes().forEach(t -> type.supertypes.add(resolve(t, type)));
      } else if (type.declaration instanceof RecordDeclaration declaration) {
        declaration.getImplementedTypes().forEach(t -> type.supertypes.add(resolve(t, type)));
        declaration
            .getParameters()
            .forEach(p -> type.fieldTypes.put(p.getNameAsString(), resolve(p.getType(), type)));
      }
      for (BodyDeclaration<?> member : type.declaration.getMembers()) {
        if (member instanceof FieldDeclaration field) {
          field
              .getVariables()
              .forEach(v -> type.fieldTypes.put(v.getNameAsString(), resolve(v.getType(), type)));
        } else if (member instanceof CallableDeclaration<?> callable) {
          type.methods.add(newMethod(type, callable));
        }
      }
    }
  }

  private SourceMethod newMethod(SourceType owner, CallableDeclaration<?> callable) {
    // Sized for the load factor: a method has a handful of type parameters at most.
    Map<String, String> bounds = new HashMap<>(callable.getTypeParameters().size() * 2);
    for (TypeParameter parameter : callable.getTypeParameters()) {
      bounds.put(parameter.getNameAsString(), boundOf(parameter));
    }
    List<String> keyTypes = new ArrayList<>(callable.getParameters().size());
    List<String> resolved = new ArrayList<>(callable.getParameters().size());
    for (Parameter parameter : callable.getParameters()) {
      keyTypes.add(keyType(parameter.getType(), parameter.isVarArgs(), bounds, owner));
      resolved.add(resolve(parameter.getType(), owner));
    }
    SourceMethod method = new SourceMethod(owner, callable, keyTypes);
    method.parameterTypes.addAll(resolved);
    return method;
  }

  private static String boundOf(TypeParameter parameter) {
    return parameter.getTypeBound().isEmpty()
        ? "Object"
        : parameter.getTypeBound().get(0).getNameAsString();
  }

  /** The simple name of a parameter's erased type, as javac's symbol would give it. */
  private static String keyType(
      Type type, boolean varargs, Map<String, String> methodBounds, SourceType owner) {
    String suffix = varargs ? "[]" : "";
    Type element = type;
    while (element.isArrayType()) {
      suffix += "[]";
      element = element.asArrayType().getComponentType();
    }
    String name;
    if (element instanceof ClassOrInterfaceType classType) {
      name = classType.getNameAsString();
      String bound = methodBounds.get(name);
      for (SourceType scope = owner; bound == null && scope != null; scope = scope.enclosing) {
        bound = scope.typeParameterBounds.get(name);
      }
      if (bound != null && classType.getScope().isEmpty()) {
        name = bound;
      }
    } else {
      name = element.asString();
    }
    return name + suffix;
  }

  Optional<SourceType> byBinaryName(String binaryName) {
    return Optional.ofNullable(byBinaryName.get(binaryName));
  }

  Iterable<SourceType> all() {
    return byBinaryName.values();
  }

  /** Resolves a written type to a module type's binary name, an imported name, or itself. */
  String resolve(Type type, SourceType context) {
    Type element = type;
    while (element.isArrayType()) {
      element = element.asArrayType().getComponentType();
    }
    if (!(element instanceof ClassOrInterfaceType classType)) {
      return element.asString();
    }
    return resolveName(qualifiedName(classType), context);
  }

  private static String qualifiedName(ClassOrInterfaceType type) {
    return type.getScope().map(scope -> qualifiedName(scope) + ".").orElse("")
        + type.getNameAsString();
  }

  /** Resolves a simple or dotted type name as seen from {@code context}. */
  String resolveName(String name, SourceType context) {
    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
    // Nested types of the context and its enclosing types (and their module supertypes).
    for (SourceType scope = context; scope != null; scope = scope.enclosing) {
      SourceType nested = byCanonicalName.get(scope.canonicalName + "." + first);
      if (nested != null) {
        return canonicalToBinary(nested.canonicalName + rest);
      }
    }
    if (context != null) {
      FileScope file = context.file;
      String imported = file.singleImports.get(first);
      if (imported != null) {
        return canonicalToBinary(imported + rest);
      }
      SourceType samePackage = byCanonicalName.get(file.packagePrefix() + first);
      if (samePackage != null) {
        return canonicalToBinary(samePackage.canonicalName + rest);
      }
      for (String pkg : file.onDemandImports) {
        if (byCanonicalName.containsKey(pkg + "." + first)) {
          return canonicalToBinary(pkg + "." + first + rest);
        }
      }
    }
    return canonicalToBinary(name);
  }

  private String canonicalToBinary(String canonical) {
    SourceType type = byCanonicalName.get(canonical);
    return type != null ? type.binaryName : canonical;
  }

  /**
   * Every qualified name a type resolved as {@code resolved} in {@code context} may stand for: the
   * name itself, and, when it stayed simple (neither a module type nor a single import), the name
   * in each package the file imports on demand ({@code import io.netty.channel.*;}).
   */
  static List<String> typeCandidates(String resolved, SourceType context) {
    if (resolved.contains(".") || context.file.onDemandImports.isEmpty()) {
      return List.of(resolved);
    }
    List<String> candidates = new ArrayList<>(context.file.onDemandImports.size() + 1);
    candidates.add(resolved);
    for (String pkg : context.file.onDemandImports) {
      candidates.add(pkg + "." + resolved);
    }
    return candidates;
  }

  /** Every qualified name an annotation written as {@code name} may stand for in {@code file}. */
  static List<String> annotationCandidates(String name, SourceType context) {
    List<String> candidates = new ArrayList<>();
    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
    String imported = context.file.singleImports.get(first);
    if (imported != null) {
      candidates.add(imported + rest);
    }
    candidates.add(name);
    for (String pkg : context.file.onDemandImports) {
      candidates.add(pkg + "." + name);
    }
    candidates.add(context.file.packagePrefix() + name);
    return candidates;
  }
}
