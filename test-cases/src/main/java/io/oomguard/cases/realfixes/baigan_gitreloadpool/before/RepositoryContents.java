package io.oomguard.cases.realfixes.baigan_gitreloadpool.before;

/** A file of the repository as the GitHub contents API returns it (reduced). */
public record RepositoryContents(String sha, String path, String content) {}
