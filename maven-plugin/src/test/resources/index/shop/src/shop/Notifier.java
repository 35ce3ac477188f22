package shop;

public class Notifier {
  public void send() {}
}
