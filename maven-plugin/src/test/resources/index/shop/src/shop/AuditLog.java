package shop;

public class AuditLog {
  public void record(String sku) {}
}
