package io.oomguard.maven.index;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import io.oomguard.maven.index.SourceTypes.SourceMethod;
import io.oomguard.maven.index.SourceTypes.SourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Call edges between the module's methods, resolved through declared types: fields (constructor
 * injected or not), parameters, locals, {@code this}/{@code super}, static imports and type names.
 * A call on an interface or abstract type reaches every implementation in the module; overloads are
 * told apart by arity and, where argument types are evident, by parameter types. Calls inside
 * lambdas and anonymous classes count for the method that contains them. Edges are resolved on
 * demand, for the methods a search reaches.
 */
final class CallGraph {
  private final SourceTypes types;
  private final Map<String, List<SourceType>> subtypes = new HashMap<>();
  private final Map<SourceMethod, Set<SourceMethod>> callees = new HashMap<>();
  private int edgeCount;

  private CallGraph(SourceTypes types) {
    this.types = types;
  }

  static CallGraph of(SourceTypes types) {
    CallGraph graph = new CallGraph(types);
    for (SourceType type : types.all()) {
      for (String supertype : graph.supertypesOf(type)) {
        graph.subtypes.computeIfAbsent(supertype, k -> new ArrayList<>()).add(type);
      }
    }
    return graph;
  }

  /**
   * The methods {@code method} calls, resolved the first time they are asked for: the search from
   * the entry points asks only for the methods it reaches, and a body nobody reaches is never
   * looked at (nor, with {@link LazyBodies}, parsed).
   */
  Set<SourceMethod> callees(SourceMethod method) {
    Set<SourceMethod> known = callees.get(method);
    if (known != null) {
      return known;
    }
    types.bodies().attach(method);
    Set<SourceMethod> targets = new LinkedHashSet<>();
    new MethodScope(this, method).collect(targets);
    targets.remove(method);
    callees.put(method, targets);
    edgeCount += targets.size();
    return targets;
  }

  /** The call edges resolved so far: those leaving the methods the search reached. */
  int edgeCount() {
    return edgeCount;
  }

  private final Map<SourceType, Set<String>> supertypeNames = new HashMap<>();

  /** {@link #allSupertypeNames(SourceType, SourceTypes)}, computed once per type. */
  private Set<String> supertypesOf(SourceType type) {
    return supertypeNames.computeIfAbsent(type, t -> allSupertypeNames(t, types));
  }

  /** Binary or qualified names of every supertype, through the module's own types. */
  static Set<String> allSupertypeNames(SourceType type, SourceTypes types) {
    Set<String> names = new LinkedHashSet<>();
    List<SourceType> pending = new ArrayList<>(List.of(type));
    while (!pending.isEmpty()) {
      SourceType current = pending.remove(pending.size() - 1);
      for (String supertype : current.supertypes) {
        if (names.add(supertype)) {
          types.byBinaryName(supertype).ifPresent(pending::add);
        }
      }
    }
    return names;
  }

  /** Methods named {@code name} taking {@code arity} arguments, callable on {@code type}. */
  private List<SourceMethod> lookup(
      SourceType type, String name, int arity, List<String> argTypes) {
    List<SourceMethod> found = new ArrayList<>();
    List<SourceType> hierarchy = new ArrayList<>(List.of(type));
    for (String supertype : supertypesOf(type)) {
      types.byBinaryName(supertype).ifPresent(hierarchy::add);
    }
    if (type.isInterfaceOrAbstract() || !name.equals("<init>")) {
      // Dynamic dispatch: implementations in the module's subtypes.
      hierarchy.addAll(subtypes.getOrDefault(type.binaryName, List.of()));
    }
    for (SourceType candidate : hierarchy) {
      for (SourceMethod method : candidate.methods) {
        if (method.name.equals(name) && method.acceptsArity(arity)) {
          found.add(method);
        }
      }
      if (name.equals("<init>")) {
        break; // constructors are not inherited
      }
    }
    return byParameterTypes(found, argTypes);
  }

  /** Narrows overloads of equal arity when the argument types are evident. */
  private static List<SourceMethod> byParameterTypes(
      List<SourceMethod> methods, List<String> argTypes) {
    if (methods.size() < 2 || argTypes.stream().allMatch(t -> t == null)) {
      return methods;
    }
    List<SourceMethod> matching = new ArrayList<>();
    for (SourceMethod method : methods) {
      boolean fits = method.parameterTypes.size() == argTypes.size();
      for (int i = 0; fits && i < argTypes.size(); i++) {
        String arg = argTypes.get(i);
        String param = method.parameterTypes.get(i);
        fits = arg == null || simple(param).equals(simple(arg));
      }
      if (fits) {
        matching.add(method);
      }
    }
    return matching.isEmpty() ? methods : matching;
  }

  private static String simple(String name) {
    String withoutGenerics = name.contains("<") ? name.substring(0, name.indexOf('<')) : name;
    int cut = Math.max(withoutGenerics.lastIndexOf('.'), withoutGenerics.lastIndexOf('$'));
    return withoutGenerics.substring(cut + 1);
  }

  /** The names visible in one method body, and the resolution of its calls. */
  private static final class MethodScope {
    private final CallGraph graph;
    private final SourceMethod method;
    private final Map<String, String> locals = new HashMap<>();

    MethodScope(CallGraph graph, SourceMethod method) {
      this.graph = graph;
      this.method = method;
      for (Parameter parameter : method.declaration.getParameters()) {
        locals.put(parameter.getNameAsString(), resolve(parameter));
      }
      for (Parameter parameter : method.declaration.findAll(Parameter.class)) {
        if (!parameter.getType().isUnknownType()) {
          locals.putIfAbsent(parameter.getNameAsString(), resolve(parameter));
        }
      }
      for (VariableDeclarator variable : method.declaration.findAll(VariableDeclarator.class)) {
        if (variable
            .getParentNode()
            .filter(p -> p instanceof com.github.javaparser.ast.body.FieldDeclaration)
            .isPresent()) {
          continue; // fields of local or anonymous classes
        }
        String type =
            variable.getType().isVarType() || variable.getType().asString().equals("var")
                ? variable.getInitializer().map(this::typeOf).orElse(null)
                : graph.types.resolve(variable.getType(), method.owner);
        if (type != null) {
          locals.putIfAbsent(variable.getNameAsString(), type);
        }
      }
    }

    private String resolve(Parameter parameter) {
      return graph.types.resolve(parameter.getType(), method.owner);
    }

    void collect(Set<SourceMethod> targets) {
      Node body = method.declaration;
      for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
        targets.addAll(targetsOf(call));
      }
      for (ObjectCreationExpr creation : body.findAll(ObjectCreationExpr.class)) {
        String type = graph.types.resolve(creation.getType(), method.owner);
        graph
            .types
            .byBinaryName(type)
            .ifPresent(
                created ->
                    targets.addAll(
                        graph.lookup(
                            created,
                            "<init>",
                            creation.getArguments().size(),
                            argTypes(creation.getArguments()))));
      }
      for (MethodReferenceExpr reference : body.findAll(MethodReferenceExpr.class)) {
        String owner = typeOf(reference.getScope());
        if (owner == null) {
          continue;
        }
        graph
            .types
            .byBinaryName(owner)
            .ifPresent(
                type -> {
                  for (SourceMethod candidate : type.methods) {
                    if (candidate.name.equals(reference.getIdentifier())) {
                      targets.add(candidate);
                    }
                  }
                  if (reference.getIdentifier().equals("new")) {
                    type.methods.stream()
                        .filter(m -> m.name.equals("<init>"))
                        .forEach(targets::add);
                  }
                });
      }
    }

    private List<SourceMethod> targetsOf(MethodCallExpr call) {
      String name = call.getNameAsString();
      int arity = call.getArguments().size();
      List<String> argTypes = argTypes(call.getArguments());
      if (call.getScope().isEmpty()) {
        for (SourceType scope = method.owner; scope != null; scope = scope.enclosing) {
          List<SourceMethod> found = graph.lookupDeclared(scope, name, arity, argTypes);
          if (!found.isEmpty()) {
            return found;
          }
        }
        String imported = method.owner.file.staticSingleImports.get(name);
        List<String> classes = new ArrayList<>(method.owner.file.staticOnDemandImports.size() + 1);
        if (imported != null) {
          classes.add(imported);
        }
        classes.addAll(method.owner.file.staticOnDemandImports);
        for (String className : classes) {
          String binary = graph.types.resolveName(className, method.owner);
          List<SourceMethod> found =
              graph
                  .types
                  .byBinaryName(binary)
                  .map(type -> graph.lookup(type, name, arity, argTypes))
                  .orElse(List.of());
          if (!found.isEmpty()) {
            return found;
          }
        }
        return List.of();
      }
      String receiver = typeOf(call.getScope().get());
      if (receiver == null) {
        return List.of();
      }
      return graph
          .types
          .byBinaryName(receiver)
          .map(type -> graph.lookup(type, name, arity, argTypes))
          .orElse(List.of());
    }

    private List<String> argTypes(List<Expression> arguments) {
      List<String> result = new ArrayList<>(arguments.size());
      for (Expression argument : arguments) {
        result.add(evidentType(argument));
      }
      return result;
    }

    /** The type of an argument when it is evident without inference; null otherwise. */
    private String evidentType(Expression expression) {
      if (expression instanceof StringLiteralExpr) {
        return "String";
      }
      if (expression instanceof IntegerLiteralExpr) {
        return "int";
      }
      if (expression instanceof LongLiteralExpr) {
        return "long";
      }
      if (expression instanceof BooleanLiteralExpr) {
        return "boolean";
      }
      if (expression instanceof CharLiteralExpr) {
        return "char";
      }
      if (expression instanceof DoubleLiteralExpr) {
        return "double";
      }
      if (expression instanceof NameExpr || expression instanceof ObjectCreationExpr) {
        return typeOf(expression);
      }
      return null;
    }

    /** The declared type of an expression used as a receiver, or null when it cannot be told. */
    String typeOf(Expression expression) {
      if (expression instanceof EnclosedExpr enclosed) {
        return typeOf(enclosed.getInner());
      }
      if (expression instanceof CastExpr cast) {
        return graph.types.resolve(cast.getType(), method.owner);
      }
      if (expression instanceof ThisExpr thisExpr) {
        return thisExpr.getTypeName().isPresent()
            ? graph.types.resolveName(thisExpr.getTypeName().get().asString(), method.owner)
            : method.owner.binaryName;
      }
      if (expression instanceof SuperExpr) {
        return method.owner.supertypes.isEmpty() ? null : method.owner.supertypes.get(0);
      }
      if (expression instanceof TypeExpr typeExpr) {
        // `audit::record` parses as a type; it may be a variable.
        String written = typeExpr.getType().asString();
        String variable = locals.get(written);
        if (variable == null) {
          variable = fieldType(method.owner, written);
        }
        return variable != null ? variable : graph.types.resolve(typeExpr.getType(), method.owner);
      }
      if (expression instanceof ObjectCreationExpr creation) {
        return graph.types.resolve(creation.getType(), method.owner);
      }
      if (expression instanceof NameExpr name) {
        String local = locals.get(name.getNameAsString());
        if (local != null) {
          return local;
        }
        String field = fieldType(method.owner, name.getNameAsString());
        return field != null
            ? field
            : graph.types.resolveName(name.getNameAsString(), method.owner);
      }
      if (expression instanceof FieldAccessExpr access) {
        String scope = typeOf(access.getScope());
        if (scope != null) {
          SourceType owner = graph.types.byBinaryName(scope).orElse(null);
          String field = owner == null ? null : fieldType(owner, access.getNameAsString());
          if (field != null) {
            return field;
          }
        }
        return graph.types.resolveName(access.toString(), method.owner);
      }
      if (expression instanceof MethodCallExpr call) {
        List<SourceMethod> targets = targetsOf(call);
        return targets.size() == 1 ? targets.get(0).returnType() : null;
      }
      return null;
    }

    /** A field's declared type, looking through enclosing and module super types. */
    private String fieldType(SourceType type, String name) {
      for (SourceType scope = type; scope != null; scope = scope.enclosing) {
        String found = scope.fieldTypes.get(name);
        if (found != null) {
          return found;
        }
        for (String supertype : graph.supertypesOf(scope)) {
          SourceType superType = graph.types.byBinaryName(supertype).orElse(null);
          if (superType != null && superType.fieldTypes.containsKey(name)) {
            return superType.fieldTypes.get(name);
          }
        }
      }
      return null;
    }
  }

  /** Methods declared in {@code type} or inherited from module supertypes (no dispatch down). */
  private List<SourceMethod> lookupDeclared(
      SourceType type, String name, int arity, List<String> argTypes) {
    List<SourceMethod> found = new ArrayList<>();
    List<SourceType> hierarchy = new ArrayList<>(List.of(type));
    for (String supertype : supertypesOf(type)) {
      types.byBinaryName(supertype).ifPresent(hierarchy::add);
    }
    for (SourceType candidate : hierarchy) {
      for (SourceMethod method : candidate.methods) {
        if (method.name.equals(name) && method.acceptsArity(arity)) {
          found.add(method);
        }
      }
    }
    return byParameterTypes(found, argTypes);
  }
}
