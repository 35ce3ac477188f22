package io.oomguard.cases.realfixes.baigan_gitreloadpool.before;

public record GitConfig(String repoOwner, String repoName, String repoRefs, String sourceFile) {}
