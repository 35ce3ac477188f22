package io.oomguard.maven.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads and writes the baseline file, {@code oomguard-baseline.xml}:
 *
 * <pre>{@code
 * <oomguard-baseline version="1">
 *   <finding check="UnboundedCache" path="src/main/java/com/example/Quotes.java"
 *            class="Quotes" member="QUOTES" count="1">private static final Map ...</finding>
 * </oomguard-baseline>
 * }</pre>
 *
 * <p>Entries are sorted so that the file diffs well; it is meant to be committed.
 */
public final class BaselineFile {
  private static final String ROOT = "oomguard-baseline";
  private static final String FINDING = "finding";
  private static final String VERSION = "1";

  private BaselineFile() {}

  /**
   * Reads a baseline.
   *
   * @throws BaselineFormatException naming the file and line of what is malformed
   */
  public static Baseline read(Path file) throws IOException, BaselineFormatException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        return read(xml, file);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
      // StAX prefixes its message with the position, which the exception already carries.
      throw new BaselineFormatException(
          file, line, message.replaceFirst("(?s)^ParseError at .*?Message: ", ""));
    }
  }

  private static Baseline read(XMLStreamReader xml, Path file)
      throws XMLStreamException, BaselineFormatException {
    xml.nextTag();
    if (!xml.getLocalName().equals(ROOT)) {
      throw new BaselineFormatException(
          file, line(xml), "expected <" + ROOT + "> but found <" + xml.getLocalName() + ">");
    }
    String version = xml.getAttributeValue(null, "version");
    if (!VERSION.equals(version)) {
      throw new BaselineFormatException(
          file, line(xml), "unsupported version '" + version + "' (this plugin reads version 1)");
    }
    Map<FindingIdentity, Integer> counts = new LinkedHashMap<>();
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      int line = line(xml);
      if (!xml.getLocalName().equals(FINDING)) {
        throw new BaselineFormatException(
            file, line, "unexpected element <" + xml.getLocalName() + ">, expected <finding>");
      }
      String check = required(xml, "check", file);
      String path = required(xml, "path", file);
      String enclosingClass = xml.getAttributeValue(null, "class");
      String member = xml.getAttributeValue(null, "member");
      int count = count(xml.getAttributeValue(null, "count"), file, line);
      String text = xml.getElementText();
      counts.merge(
          new FindingIdentity(check, path, enclosingClass, member, text), count, Integer::sum);
    }
    return new Baseline(counts);
  }

  private static String required(XMLStreamReader xml, String attribute, Path file)
      throws BaselineFormatException {
    String value = xml.getAttributeValue(null, attribute);
    if (value == null || value.isBlank()) {
      throw new BaselineFormatException(
          file, line(xml), "<finding> without its '" + attribute + "' attribute");
    }
    return value;
  }

  private static int count(String value, Path file, int line) throws BaselineFormatException {
    if (value == null) {
      return 1;
    }
    try {
      int count = Integer.parseInt(value.trim());
      if (count > 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BaselineFormatException(
        file, line, "count must be a positive whole number, was '" + value + "'");
  }

  private static int line(XMLStreamReader xml) {
    return xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
  }

  /** Writes {@code baseline} to {@code file}, replacing it. */
  public static void write(Baseline baseline, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeComment(
          " oomguard baseline: findings adopted with `mvn oomguard:baseline`. The check goal fails"
              + " only on findings not listed here. Regenerate it rather than edit it. ");
      xml.writeCharacters("\n");
      xml.writeStartElement(ROOT);
      xml.writeAttribute("version", VERSION);
      for (Map.Entry<FindingIdentity, Integer> entry : baseline.counts().entrySet()) {
        FindingIdentity identity = entry.getKey();
        xml.writeCharacters("\n  ");
        xml.writeStartElement(FINDING);
        xml.writeAttribute("check", identity.check());
        xml.writeAttribute("path", identity.path());
        xml.writeAttribute("class", identity.enclosingClass());
        xml.writeAttribute("member", identity.enclosingMember());
        xml.writeAttribute("count", Integer.toString(entry.getValue()));
        xml.writeCharacters(identity.lineText());
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the oomguard baseline " + file, e);
    }
  }
}
