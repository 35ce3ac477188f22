package io.oomguard.cases.realfixes.baigan_gitreloadpool.after;

public record GitConfig(String repoOwner, String repoName, String repoRefs, String sourceFile) {}
