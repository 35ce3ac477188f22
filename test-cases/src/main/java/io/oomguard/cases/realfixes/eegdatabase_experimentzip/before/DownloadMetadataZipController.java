package io.oomguard.cases.realfixes.eegdatabase_experimentzip.before;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "download experiment" form (a Spring 2 SimpleFormController#onSubmit in the project, modelled
 * as an annotated handler).
 */
@Controller
public class DownloadMetadataZipController {
  private final Generator zipGenerator;
  private final ExperimentDao experimentDao;

  public DownloadMetadataZipController(Generator zipGenerator, ExperimentDao experimentDao) {
    this.zipGenerator = zipGenerator;
    this.experimentDao = experimentDao;
  }

  @PostMapping("/experiments/download")
  public void onSubmit(@RequestParam("id") int id, HttpServletResponse response) throws Exception {
    Set<DataFile> files = experimentDao.dataFilesOf(id);
    OutputStream out = zipGenerator.generate(experimentDao.metadataXml(id), files);
    response.setHeader("Content-Type", "application/zip");
    response.setHeader("Content-Disposition", "attachment;filename=Experiment_data.zip");
    if (out instanceof ByteArrayOutputStream) {
      ByteArrayOutputStream bout = (ByteArrayOutputStream) out;
      response.getOutputStream().write(bout.toByteArray());
    }
  }
}
