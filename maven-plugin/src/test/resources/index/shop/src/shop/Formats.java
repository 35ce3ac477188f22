package shop;

public final class Formats {
  private Formats() {}

  public static String render(String text) {
    return text.trim();
  }
}
