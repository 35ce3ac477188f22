package io.oomguard.cases.realfixes.baigan_gitreloadpool.after;

/** One configuration entry of the repository file. */
public record Configuration(String alias, String description, Object defaultValue) {}
