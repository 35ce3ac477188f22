package io.oomguard.cases.httpbody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.fileupload.FileItem;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.disk.DiskFileItemFactory;
import org.apache.commons.fileupload.servlet.ServletFileUpload;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;

/** Uploads through commons-fileupload: its streaming API and its disk-backed items. */
public class FileUploadBodies {
  private static final long MAX_UPLOAD = 10L * 1024 * 1024;

  /** The streaming API: each part's stream is the request body itself. */
  public static class StreamingUploadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        FileItemIterator parts = new ServletFileUpload().getItemIterator(req);
        while (parts.hasNext()) {
          FileItemStream part = parts.next();
          try (InputStream in = part.openStream()) {
            // BUG: Diagnostic contains: the whole body of `FileItemStream.openStream()`
            byte[] content = IOUtils.toByteArray(in);
            store(part.getName(), content);
          }
        }
      } catch (FileUploadException e) {
        resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    }

    void store(String name, byte[] content) {}
  }

  /** The disk-backed API: items larger than the threshold live in temporary files. */
  public static class DiskUploadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        List<FileItem> items = new ServletFileUpload(new DiskFileItemFactory()).parseRequest(req);
        for (FileItem item : items) {
          // BUG: Diagnostic contains: `FileItem.get()` reads the whole uploaded file
          byte[] content = item.get();
          resp.getOutputStream().write(content.length);
        }
      } catch (FileUploadException e) {
        resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    }
  }

  // ---- Bounded and streaming: no finding. ----

  /** Each part copied to a file as it arrives, or read through a limit. */
  public static class BoundedUploadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final Path spool;

    public BoundedUploadServlet(Path spool) {
      this.spool = spool;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        FileItemIterator parts = new ServletFileUpload().getItemIterator(req);
        while (parts.hasNext()) {
          FileItemStream part = parts.next();
          try (InputStream in = part.openStream()) {
            if (part.isFormField()) {
              byte[] field = IOUtils.toByteArray(new BoundedInputStream(in, 4096));
              resp.getOutputStream().write(field.length);
            } else {
              Files.copy(in, spool.resolve(part.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      } catch (FileUploadException e) {
        resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    }

    /** A disk item checked against the limit before it is loaded. */
    void load(FileItem item, OutputStream out) throws IOException {
      if (item.getSize() > MAX_UPLOAD) {
        throw new IOException("upload too large");
      }
      out.write(item.get());
    }
  }
}
