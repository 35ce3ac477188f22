package io.oomguard.cases.realfixes.eegdatabase_experimentzip.after;

import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Set;
import org.apache.commons.io.IOUtils;
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
    File file = zipGenerator.generate(experimentDao.metadataXml(id), files);
    InputStream dataStream = new FileInputStream(file);
    response.setHeader("Content-Type", "application/zip");
    response.setHeader("Content-Disposition", "attachment;filename=Experiment_data.zip");
    IOUtils.copyLarge(dataStream, response.getOutputStream());
    dataStream.close();
  }
}
