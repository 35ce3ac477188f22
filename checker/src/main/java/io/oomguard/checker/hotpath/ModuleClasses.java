package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import io.oomguard.checker.PerCompilation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaFileObject;

/**
 * What javac knows about the classes of the module being compiled, read once from its attributed
 * trees: which classes the module declares and which of them extend which, the calls between their
 * methods, where objects of each class are created, and what each field is given. The hot-path
 * model's cross-class facts ({@link HotPaths}) and the lifetimes of objects ({@code
 * caches.Lifetimes}) stand on it.
 *
 * <p>javac attributes every class before Error Prone runs the first check when the compile policy
 * is {@code simple} (what the Maven plugin and the README's set-up use): the first question of a
 * compilation then finds every class's typed tree, and one pass over them builds this. With another
 * policy some classes are not attributed yet when the first check runs; {@link #of} is then empty
 * for the whole compilation and every analysis falls back to what one class shows.
 */
public final class ModuleClasses {
  /**
   * A value stored in a field: in the field's initializer ({@code in} empty), or by an assignment
   * in the methods {@code in} names (a class's constructors, for an initializer block); {@code
   * valueClass} is the class of an object created there ({@code new X(...)}), else the declared
   * type of the value; {@code lazily} when the assignment runs only while the field is null.
   */
  public record FieldStore(
      VarSymbol field,
      Symbol.TypeSymbol valueClass,
      ImmutableList<MethodSymbol> in,
      boolean lazily) {}

  private static final PerCompilation<Slot> SLOTS = new PerCompilation<>(Slot::new);

  private final Set<ClassSymbol> topLevel = new LinkedHashSet<>();
  private final Map<ClassSymbol, TreePath> paths = new HashMap<>();
  private final Map<Symbol.TypeSymbol, List<ClassSymbol>> subtypes = new HashMap<>();
  private final Map<MethodSymbol, List<CallGraphScanner.Call>> callsFrom = new HashMap<>();
  private final Map<ClassSymbol, List<CallGraphScanner.Call>> creations = new HashMap<>();
  private final Map<MethodSymbol, List<MethodSymbol>> targets = new HashMap<>();
  private final List<FieldStore> fieldStores = new ArrayList<>();
  private final Map<List<Object>, ModuleFacts> hotByFlags = new HashMap<>();
  private CallGraphScanner scanner;
  private Types types;

  private ModuleClasses() {}

  /**
   * The module's classes, as attributed by javac; empty when not every class of the compilation was
   * attributed before the checks ran (a compile policy other than {@code simple}).
   */
  public static Optional<ModuleClasses> of(VisitorState state) {
    Slot slot = SLOTS.get(state);
    if (!slot.built) {
      slot.built = true;
      slot.classes = build(state);
    }
    return Optional.ofNullable(slot.classes);
  }

  /** Whether {@code type} is declared in the module's sources. */
  public boolean declares(ClassSymbol type) {
    return topLevel.contains(ASTHelpers.outermostClass(type));
  }

  /** The module's classes that extend or implement {@code type}, {@code type} excluded. */
  public List<ClassSymbol> subclassesOf(Symbol.TypeSymbol type) {
    return subtypes.getOrDefault(type, List.of());
  }

  /** Every value the module's code stores in a field, in source order. */
  public List<FieldStore> fieldStores() {
    return fieldStores;
  }

  /**
   * The methods that create objects of {@code type} ({@code new type(...)}, {@code type::new}),
   * except where the object goes straight into a field or a {@code computeIfAbsent} (created once)
   * and except static initializers and field initializers of static fields (start-up).
   */
  public List<MethodSymbol> creatorsOf(ClassSymbol type) {
    List<MethodSymbol> creators = new ArrayList<>();
    for (CallGraphScanner.Call call : creations.getOrDefault(type, List.of())) {
      if (!call.createsOnce()) {
        creators.add(call.caller());
      }
    }
    return creators;
  }

  CallGraphScanner scanner() {
    return scanner;
  }

  Map<MethodSymbol, List<CallGraphScanner.Call>> callsFrom() {
    return callsFrom;
  }

  /** The per-flags hot methods, worked out once per set of flags. */
  Map<List<Object>, ModuleFacts> hotByFlags() {
    return hotByFlags;
  }

  /**
   * The methods a call to {@code callee} may run: the callee when the module declares it, and the
   * module's methods that override it (dynamic dispatch through an interface or a base class).
   */
  List<MethodSymbol> targets(MethodSymbol callee) {
    List<MethodSymbol> known = targets.get(callee);
    if (known != null) {
      return known;
    }
    List<MethodSymbol> found = new ArrayList<>();
    if (scanner.declared.contains(callee)) {
      found.add(callee);
    }
    if (!callee.isStatic() && !callee.isConstructor() && callee.owner instanceof ClassSymbol) {
      for (ClassSymbol subtype : subtypes.getOrDefault(callee.owner, List.of())) {
        for (Symbol member : subtype.members().getSymbolsByName(callee.name)) {
          if (member instanceof MethodSymbol override
              && !override.isStatic()
              && scanner.declared.contains(override)
              && override.overrides(callee, subtype, types, true)) {
            found.add(override);
          }
        }
      }
    }
    targets.put(callee, found);
    return found;
  }

  /** The module, or null when some class of the compilation is not attributed yet. */
  private static ModuleClasses build(VisitorState state) {
    ModuleClasses module = new ModuleClasses();
    module.types = state.getTypes();
    JavacTrees trees = JavacTrees.instance(state.context);
    List<ClassSymbol> classes = new ArrayList<>();
    for (ClassSymbol type : Symtab.instance(state.context).getAllClasses()) {
      if (type.owner == null
          || type.owner.kind != Kinds.Kind.PCK
          || type.sourcefile == null
          || type.sourcefile.getKind() != JavaFileObject.Kind.SOURCE) {
        continue;
      }
      if ((type.flags_field & Flags.UNATTRIBUTED) != 0) {
        return null; // attributed one file at a time: the module is not known yet
      }
      TreePath path;
      try {
        path = trees.getPath(type);
      } catch (RuntimeException e) {
        continue;
      }
      if (path != null && path.getLeaf() instanceof ClassTree) {
        classes.add(type);
        module.paths.put(type, path);
      }
    }
    // A stable order, so that ties between chains of equal length always go the same way.
    classes.sort(Comparator.comparing(type -> type.flatName().toString()));
    module.topLevel.addAll(classes);
    module.scanner =
        new CallGraphScanner(
            state,
            method -> module.topLevel.contains(ASTHelpers.outermostClass(method.owner)),
            new EntryPointMatcher(com.google.common.collect.ImmutableSet.of()));
    for (ClassSymbol type : classes) {
      module.scanner.scan(module.paths.get(type), null);
    }
    for (CallGraphScanner.Call call : module.scanner.calls) {
      module.callsFrom.computeIfAbsent(call.caller(), k -> new ArrayList<>()).add(call);
      if (call.callee().isConstructor() && call.callee().owner instanceof ClassSymbol created) {
        module.creations.computeIfAbsent(created, k -> new ArrayList<>()).add(call);
      }
    }
    for (CallGraphScanner.FieldStore store : module.scanner.fieldStores) {
      module.fieldStores.add(
          new FieldStore(
              store.field(), store.valueClass(), ImmutableList.copyOf(store.in()), store.once()));
    }
    Set<ClassSymbol> declaredClasses = new LinkedHashSet<>();
    for (MethodSymbol method : module.scanner.declared) {
      if (method.owner instanceof ClassSymbol owner) {
        declaredClasses.add(owner);
      }
    }
    for (ClassSymbol type : declaredClasses) {
      for (Type supertype : module.types.closure(type.type)) {
        if (supertype.tsym != null && supertype.tsym != type) {
          module.subtypes.computeIfAbsent(supertype.tsym, k -> new ArrayList<>()).add(type);
        }
      }
    }
    return module;
  }

  private static final class Slot {
    boolean built;
    ModuleClasses classes;
  }
}
