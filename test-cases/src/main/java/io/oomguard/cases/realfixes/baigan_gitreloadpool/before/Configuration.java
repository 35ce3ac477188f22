package io.oomguard.cases.realfixes.baigan_gitreloadpool.before;

/** One configuration entry of the repository file. */
public record Configuration(String alias, String description, Object defaultValue) {}
