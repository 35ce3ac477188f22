package io.oomguard.cases.realfixes.appinventor_assetupload.before;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.servlet.ServletFileUpload;

/** Receives uploads: {@code /<base>/upload/file/<projectId>/<filePath>} (reduced to assets). */
public class UploadServlet extends HttpServlet {
  private static final int PROJECT_ID_INDEX = 4;
  private static final int FILE_PATH_INDEX = 5;
  private static final int SPLIT_LIMIT_FILE = 6;
  private static final String UPLOAD_FILE_FORM_ELEMENT = "uploadFile";

  /** Who is logged in (reduced). */
  public interface UserInfoProvider {
    String getUserId();
  }

  private final FileImporter fileImporter;
  private final UserInfoProvider userInfoProvider;

  public UploadServlet(FileImporter fileImporter, UserInfoProvider userInfoProvider) {
    this.fileImporter = fileImporter;
    this.userInfoProvider = userInfoProvider;
  }

  @Override
  public void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/html; charset=utf-8");
    String uri = URLDecoder.decode(req.getRequestURI(), StandardCharsets.UTF_8);
    String[] uriComponents = uri.split("/", SPLIT_LIMIT_FILE);
    long projectId = Long.parseLong(uriComponents[PROJECT_ID_INDEX]);
    String fileName = uriComponents[FILE_PATH_INDEX];
    String uploadResponse;
    try {
      InputStream uploadedStream = getRequestStream(req, UPLOAD_FILE_FORM_ELEMENT);
      long modificationDate =
          fileImporter.importFile(
              userInfoProvider.getUserId(), projectId, fileName, uploadedStream);
      uploadResponse = "SUCCESS " + modificationDate;
    } catch (FileImporter.FileImporterException e) {
      uploadResponse = e.uploadResponse;
    } catch (Exception e) {
      throw new IOException(e);
    }
    resp.getWriter().print(uploadResponse);
    resp.setStatus(HttpServletResponse.SC_OK);
  }

  private InputStream getRequestStream(HttpServletRequest req, String expectedFieldName)
      throws Exception {
    ServletFileUpload upload = new ServletFileUpload();
    FileItemIterator iterator = upload.getItemIterator(req);
    while (iterator.hasNext()) {
      FileItemStream item = iterator.next();
      if (item.getFieldName().equals(expectedFieldName)) {
        return item.openStream();
      }
    }
    throw new IllegalArgumentException("Field " + expectedFieldName + " not found in upload");
  }
}
