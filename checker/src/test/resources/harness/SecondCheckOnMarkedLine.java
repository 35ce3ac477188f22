package harness;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Fixture: the marker names one check; a second check reports on the same line unannounced. */
class SecondCheckOnMarkedLine {
  String crawl(List<String> pages, Iterator<String> rows) throws Exception {
    // BUG: Diagnostic contains: ThreadCreationInHotPath
    ExecutorService pool = Executors.newFixedThreadPool(8), copier = Executors.newFixedThreadPool(2);
    for (String page : pages) {
      pool.submit(() -> page.length()).get();
    }
    while (rows.hasNext()) {
      String row = rows.next();
      copier.submit(() -> row.length());
    }
    return "";
  }
}
