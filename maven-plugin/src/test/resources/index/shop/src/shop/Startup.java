package shop;

public final class Startup {
  public static void main(String[] args) {
    new CatalogService().preload();
    new Notifier().send();
  }
}
