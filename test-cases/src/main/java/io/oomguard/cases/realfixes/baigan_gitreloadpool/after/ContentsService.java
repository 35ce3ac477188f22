package io.oomguard.cases.realfixes.baigan_gitreloadpool.after;

import java.io.IOException;
import java.util.List;

/** The GitHub contents API client the loader is given (reduced to the one call it makes). */
public interface ContentsService {
  List<RepositoryContents> getContents(String owner, String repo, String path, String ref)
      throws IOException;
}
