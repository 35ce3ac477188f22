package io.oomguard.cases.threads;

import io.oomguard.annotations.OomSafe;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reviewed thread creation in hot code, suppressed with a reason. */
@RestController
public class ThreadSuppressions {
  @SuppressWarnings("ThreadCreationInHotPath") // admin-only endpoint, rate limited to 1/min
  @PostMapping("/admin/reindex")
  public void reindex() {
    new Thread(ThreadSuppressions::rebuild, "reindex").start();
  }

  @OomSafe("called by the deploy pipeline once per release")
  @PostMapping("/admin/warmup")
  public void warmup() {
    new Thread(ThreadSuppressions::rebuild, "warmup").start();
  }

  private static void rebuild() {}
}
