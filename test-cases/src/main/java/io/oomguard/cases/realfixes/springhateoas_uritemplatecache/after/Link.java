package io.oomguard.cases.realfixes.springhateoas_uritemplatecache.after;

/** A hypermedia link: relation plus href, the href parsed as a URI template. */
public class Link {
  private final UriTemplate template;
  private final String rel;

  public Link(String href, String rel) {
    this(UriTemplate.of(href), rel);
  }

  public Link(UriTemplate template, String rel) {
    this.template = template;
    this.rel = rel;
  }

  public String getHref() {
    return template.toString();
  }

  public String getRel() {
    return rel;
  }

  public boolean isTemplated() {
    return !template.getVariableNames().isEmpty();
  }
}
